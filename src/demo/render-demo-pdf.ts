import PDFDocument from 'pdfkit';

import type { DemoPage } from './demo-plan.js';

/**
 * Renders pages of text as a PDF with a real text layer, one PDF page per page given. The same
 * pages, title and date always give the same bytes, so building the demo twice stores one copy.
 */
export function renderDemoPdf(
  pages: readonly DemoPage[],
  options: { title: string; date: string; banner: string },
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    // pdfkit stamps the current time unless given one, which would change the bytes every run.
    const created = new Date(`${options.date}T00:00:00Z`);
    const doc = new PDFDocument({
      size: 'A4',
      margin: 56,
      autoFirstPage: false,
      info: {
        Title: options.title,
        Author: 'simwatch demonstration',
        CreationDate: created,
        ModDate: created,
      },
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    doc.on('error', reject);
    pages.forEach((page, index) => {
      doc.addPage();
      doc.font('Helvetica').fontSize(8).fillColor('#555555').text(options.banner);
      doc.moveDown(1.5);
      doc.font('Helvetica-Bold').fontSize(13).fillColor('#000000').text(page.heading);
      doc.moveDown(0.8);
      doc.font('Helvetica').fontSize(10.5);
      for (const paragraph of page.paragraphs)
        doc.text(paragraph, { paragraphGap: 8, lineGap: 2, align: 'left' });
      writeFooter(doc, `Page ${index + 1} of ${pages.length}`);
    });
    doc.end();
  });
}

/** Writes a footer in the bottom margin without pdfkit starting a new page for it. */
function writeFooter(doc: PDFKit.PDFDocument, text: string): void {
  const bottom = doc.page.margins.bottom;
  doc.page.margins.bottom = 0;
  doc
    .font('Helvetica')
    .fontSize(8)
    .fillColor('#555555')
    .text(text, doc.page.margins.left, doc.page.height - 36, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
  doc.page.margins.bottom = bottom;
}

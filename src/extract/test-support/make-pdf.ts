import PDFDocument from 'pdfkit';

/** Builds a PDF in memory with pdfkit; `draw` writes the pages (the first page already exists). */
export function makePdf(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument(options);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    doc.on('error', reject);
    draw(doc);
    doc.end();
  });
}

/** Builds a PDF with one page of text for each string given. */
export function makeTextPdf(pages: string[], options: PDFKit.PDFDocumentOptions = {}) {
  return makePdf((doc) => {
    pages.forEach((text, index) => {
      if (index > 0) doc.addPage();
      doc.text(text);
    });
  }, options);
}

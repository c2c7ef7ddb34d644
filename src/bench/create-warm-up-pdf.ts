import PDFDocument from 'pdfkit';

/** A one-page PDF of the given text, made in memory, to warm up the PDF reader before timing. */
export function createWarmUpPdf(text: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 50 });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    doc.on('error', reject);
    doc.fontSize(9.5).text(text);
    doc.end();
  });
}

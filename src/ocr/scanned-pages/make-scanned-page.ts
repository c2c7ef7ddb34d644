import * as mupdf from 'mupdf';
import PDFDocument from 'pdfkit';

import { createSeededRandom } from '../../seeded-random.js';

/** How to make a page look scanned: resolution, rotation and speckle. */
export interface ScanOptions {
  /** Rasterising resolution, dots per inch (default 300). */
  dpi?: number;
  /** Rotation of the text on the page, degrees (default 1.2: a page fed slightly askew). */
  skewDegrees?: number;
  /** Share of pixels flipped to black or white at random (default 0.002). */
  noise?: number;
  /** Seed of the noise, so a page is the same every time (default 1). */
  seed?: number;
  /** Font size in points (default 11). */
  fontSize?: number;
  /** A pdfkit standard font (default Times-Roman, as most letters are set). */
  font?: string;
}

/**
 * A scanned page of known text: the text is set on an A4 page with pdfkit (askew), rasterised
 * with MuPDF in grey, and speckled. Returns the page as a PNG and as a PDF holding only that
 * image (no text layer), as a scanner would give it.
 */
export async function makeScannedPage(
  text: string,
  options: ScanOptions = {},
): Promise<{ png: Uint8Array; pdf: Uint8Array }> {
  const dpi = options.dpi ?? 300;
  const typeset = await renderPdf((doc) => {
    const skew = options.skewDegrees ?? 1.2;
    doc.rotate(skew, { origin: [doc.page.width / 2, doc.page.height / 2] });
    doc
      .font(options.font ?? 'Times-Roman')
      .fontSize(options.fontSize ?? 11)
      .text(text, 72, 72, { width: doc.page.width - 144, lineGap: 2 });
  });
  const png = rasterise(typeset, dpi, options.noise ?? 0.002, options.seed ?? 1);
  const pdf = await renderPdf((doc) => {
    doc.image(Buffer.from(png), 0, 0, { width: doc.page.width, height: doc.page.height });
  });
  return { png, pdf };
}

/** A PDF of several scanned pages (each an image only), as a scanned reply would arrive. */
export async function makeScannedPdf(pages: string[], options: ScanOptions = {}) {
  const images: Uint8Array[] = [];
  for (const [index, text] of pages.entries())
    images.push(
      (await makeScannedPage(text, { ...options, seed: (options.seed ?? 1) + index })).png,
    );
  return renderPdf((doc) => {
    images.forEach((png, index) => {
      if (index > 0) doc.addPage();
      doc.image(Buffer.from(png), 0, 0, { width: doc.page.width, height: doc.page.height });
    });
  });
}

function rasterise(pdf: Uint8Array, dpi: number, noise: number, seed: number): Uint8Array {
  mupdf.setLog(null);
  const doc = mupdf.Document.openDocument(pdf, 'application/pdf');
  const page = doc.loadPage(0);
  const pixmap = page.toPixmap(
    mupdf.Matrix.scale(dpi / 72, dpi / 72),
    mupdf.ColorSpace.DeviceGray,
    false,
    true,
  );
  try {
    const pixels = pixmap.getPixels();
    const random = createSeededRandom(seed);
    for (let index = 0; index < pixels.length; index++) {
      if (random.next() < noise) pixels[index] = random.next() < 0.5 ? 0 : 255;
    }
    return pixmap.asPNG();
  } finally {
    pixmap.destroy();
    page.destroy();
    doc.destroy();
  }
}

function renderPdf(draw: (doc: PDFKit.PDFDocument) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', margin: 72 });
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

import { createBoardPaperWriter } from './board-paper-writer.js';
import { makeScannedPage, type ScanOptions } from '../ocr/scanned-pages/make-scanned-page.js';
import { createSeededRandom } from '../seeded-random.js';

/** A generated scanned page of known text, and how it was scanned. */
export interface OcrTestPage {
  text: string;
  scan: Required<Pick<ScanOptions, 'dpi' | 'font' | 'fontSize' | 'noise' | 'skewDegrees' | 'seed'>>;
  png: Uint8Array;
}

/** The pdfkit standard fonts that letters and board papers are set in. */
const fonts = ['Times-Roman', 'Helvetica', 'Courier', 'Times-Bold', 'Helvetica-Oblique'];

/**
 * The same page texts and scan conditions on every machine: board-paper prose written for the
 * bench (no outside text), fonts in turn, sizes 10 to 12 pt, speckle 0.1% to 0.5% of pixels and
 * skew between -2 and 2 degrees, all drawn from the seed.
 */
export function describeOcrTestPages(
  count: number,
  options: { seed?: number; dpi?: number; charsPerPage?: number } = {},
): Omit<OcrTestPage, 'png'>[] {
  const seed = options.seed ?? 16;
  const random = createSeededRandom(seed);
  const writer = createBoardPaperWriter(random);
  return Array.from({ length: count }, (_, index) => {
    const paragraphs: string[] = [writer.heading(index + 1)];
    while (paragraphs.join('\n\n').length < (options.charsPerPage ?? 1_500))
      paragraphs.push(writer.paragraph());
    return {
      text: paragraphs.join('\n\n'),
      scan: {
        dpi: options.dpi ?? 300,
        font: fonts[index % fonts.length] ?? 'Times-Roman',
        fontSize: 10 + (index % 3),
        noise: Math.round((0.001 + random.next() * 0.004) * 10_000) / 10_000,
        skewDegrees: Math.round((random.next() * 4 - 2) * 10) / 10,
        seed: seed + index,
      },
    };
  });
}

/** Makes the pages described by describeOcrTestPages (rasterised with MuPDF). */
export async function makeOcrTestPages(
  count: number,
  options: { seed?: number; dpi?: number; charsPerPage?: number } = {},
): Promise<OcrTestPage[]> {
  const pages: OcrTestPage[] = [];
  for (const page of describeOcrTestPages(count, options))
    pages.push({ ...page, png: (await makeScannedPage(page.text, page.scan)).png });
  return pages;
}

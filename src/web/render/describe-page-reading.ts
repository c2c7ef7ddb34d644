/** How OCR read a page, as the register keeps it (both null when the page had a text layer). */
export interface StoredOcr {
  engine: string | null;
  confidence: number | null;
}

/** The engine as people know it: "Tesseract" for tesseract.js and the tesseract program. */
export function ocrEngineName(engine: string): string {
  return /^tesseract/i.test(engine) ? 'Tesseract' : engine.split(' ')[0] || engine;
}

/**
 * "Text read by OCR (Tesseract, confidence 91%); it may hold reading errors" for text read from a
 * page's image, or '' for text that was in the file.
 */
export function describeOcr(ocr: unknown): string {
  if (typeof ocr !== 'object' || ocr === null) return '';
  const { engine, confidence } = ocr as Partial<StoredOcr>;
  if (typeof engine !== 'string') return '';
  const certainty =
    typeof confidence === 'number' ? `, confidence ${String(Math.round(confidence))}%` : '';
  return `Text read by OCR (${ocrEngineName(engine)}${certainty}); it may hold reading errors`;
}

/** "2 pages could not be read, so this document is not known to be clean", or '' when none. */
export function describeUnreadPages(unreadPages: unknown): string {
  if (typeof unreadPages !== 'number' || unreadPages <= 0) return '';
  const pages = unreadPages === 1 ? '1 page' : `${unreadPages.toLocaleString('en-GB')} pages`;
  return `${pages} could not be read, so this document is not known to be clean`;
}

/** "2 pages not read" for lists of documents, or '' when none. */
export function describeUnreadCount(unreadPages: unknown): string {
  if (typeof unreadPages !== 'number' || unreadPages <= 0) return '';
  return unreadPages === 1
    ? '1 page not read'
    : `${unreadPages.toLocaleString('en-GB')} pages not read`;
}

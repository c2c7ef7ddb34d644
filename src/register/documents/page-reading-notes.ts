import type { PageReading } from './summarise-page-reading.js';

/**
 * What to tell whoever added a document about how its pages were read: "3 pages were read by OCR
 * (mean confidence 91%): their text may hold reading errors." and "1 page could not be read, so
 * it was not screened: the document is not known to be clean." Nothing when every page had text.
 */
export function pageReadingNotes(reading: PageReading): string[] {
  const notes: string[] = [];
  const { ocrPages, ocrConfidence, unreadPages } = reading;
  if (ocrPages > 0)
    notes.push(
      `${pages(ocrPages)} ${ocrPages === 1 ? 'was' : 'were'} read by OCR` +
        (ocrConfidence === null ? '' : ` (mean confidence ${ocrConfidence}%)`) +
        `: ${ocrPages === 1 ? 'its' : 'their'} text may hold reading errors.`,
    );
  if (unreadPages > 0)
    notes.push(
      `${pages(unreadPages)} could not be read, so ${unreadPages === 1 ? 'it was' : 'they were'} ` +
        'not screened: the document is not known to be clean.',
    );
  return notes;
}

function pages(count: number): string {
  return count === 1 ? '1 page' : `${count.toLocaleString('en-GB')} pages`;
}

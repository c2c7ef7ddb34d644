import type { ExtractionWarning } from '../extract/extracted-document.js';
import type { DocumentScreening } from '../screening/document-screening.js';
import { labels, type Label } from '../screening/finding.js';

/** Why pages were not read: no text layer with OCR off, OCR failed, or the page was damaged. */
export type UnreadCause = Extract<
  ExtractionWarning['code'],
  'needs_ocr' | 'ocr_failed' | 'damaged_page'
>;

/** Counts over a batch: documents screened, with findings, with errors, and per label. */
export interface ScreenSummary {
  documents: number;
  withFindings: number;
  errors: number;
  /** How many documents have each label. */
  byLabel: Record<Label, number>;
  /** Documents with pages that were not read (so not known to be clean), and those pages. */
  withUnreadPages: number;
  unreadPages: number;
  /** The pages not read, by why. */
  unreadBy: Record<UnreadCause, number>;
  /** Pages read by OCR. */
  ocrPages: number;
}

const unreadCauses: readonly UnreadCause[] = ['needs_ocr', 'ocr_failed', 'damaged_page'];

/** The summary of no documents at all. */
export const emptySummary: ScreenSummary = Object.freeze({
  documents: 0,
  withFindings: 0,
  errors: 0,
  byLabel: Object.freeze(
    Object.fromEntries(labels.map((label) => [label, 0])) as Record<Label, number>,
  ),
  withUnreadPages: 0,
  unreadPages: 0,
  unreadBy: Object.freeze({ needs_ocr: 0, ocr_failed: 0, damaged_page: 0 }),
  ocrPages: 0,
});

/** Adds one document to a summary, returning a new summary. */
export function summarize(summary: ScreenSummary, screening: DocumentScreening): ScreenSummary {
  const byLabel = { ...summary.byLabel };
  for (const label of screening.labels) byLabel[label] += 1;
  const unreadBy = { ...summary.unreadBy };
  for (const cause of unreadCauses) {
    const pages = new Set(
      screening.warnings.filter((warning) => warning.code === cause).map((warning) => warning.page),
    );
    unreadBy[cause] += pages.size;
  }
  return {
    documents: summary.documents + 1,
    withFindings: summary.withFindings + (screening.findings.length > 0 ? 1 : 0),
    errors: summary.errors + (screening.error ? 1 : 0),
    byLabel,
    withUnreadPages: summary.withUnreadPages + (screening.unreadPages > 0 ? 1 : 0),
    unreadPages: summary.unreadPages + screening.unreadPages,
    unreadBy,
    ocrPages: summary.ocrPages + screening.ocrPages,
  };
}

import type { DocumentScreening } from '../screening/document-screening.js';
import { labels, type Label } from '../screening/finding.js';

/** Counts over a batch: documents screened, with findings, with errors, and per label. */
export interface ScreenSummary {
  documents: number;
  withFindings: number;
  errors: number;
  /** How many documents have each label. */
  byLabel: Record<Label, number>;
}

/** The summary of no documents at all. */
export const emptySummary: ScreenSummary = Object.freeze({
  documents: 0,
  withFindings: 0,
  errors: 0,
  byLabel: Object.freeze(
    Object.fromEntries(labels.map((label) => [label, 0])) as Record<Label, number>,
  ),
});

/** Adds one document to a summary, returning a new summary. */
export function summarize(summary: ScreenSummary, screening: DocumentScreening): ScreenSummary {
  const byLabel = { ...summary.byLabel };
  for (const label of screening.labels) byLabel[label] += 1;
  return {
    documents: summary.documents + 1,
    withFindings: summary.withFindings + (screening.findings.length > 0 ? 1 : 0),
    errors: summary.errors + (screening.error ? 1 : 0),
    byLabel,
  };
}

import type { DocumentScreening } from '../screening/document-screening.js';
import type { ScreenSummary } from './screen-summary.js';

/** An output format of `simwatch screen`: pure functions from results to the text to print. */
export interface OutputFormat {
  /** Printed before the first document. */
  begin(): string;
  /** Printed for each document; `index` counts documents from 0. */
  document(screening: DocumentScreening, index: number): string;
  /** Printed after the last document. */
  end(summary: ScreenSummary): string;
}

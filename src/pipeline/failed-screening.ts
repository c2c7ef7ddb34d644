import type { DocumentScreening } from '../screening/document-screening.js';
import type { TaskError } from './worker-messages.js';

/** The result for a top-level input that could not be screened at all. */
export function failedScreening(
  path: string,
  error: TaskError,
  catalogueVersion: string,
): DocumentScreening {
  return {
    path,
    parent: null,
    sha256: null,
    type: null,
    pages: 0,
    unreadPages: 0,
    ocrPages: 0,
    labels: [],
    findings: [],
    warnings: [],
    error,
    catalogueVersion,
  };
}

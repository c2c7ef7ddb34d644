import type { ArchiveBudget, ExtractionLimits } from './extraction-limits.js';

/** What an extractor needs to know besides the bytes: the name for messages, nesting depth, limits and the shared budget. */
export interface ExtractionContext {
  /** A label for messages, such as the file name or the entry's name inside its archive. */
  name: string;
  /** 0 for the file given by the user, one more for each archive or email it sits inside. */
  depth: number;
  limits: ExtractionLimits;
  budget: ArchiveBudget;
}

import type { ExtractionContext } from '../extraction-context.js';
import {
  createArchiveBudget,
  defaultExtractionLimits,
  type ExtractionLimits,
} from '../extraction-limits.js';

/** An extraction context for a top-level file, with the default limits unless some are overridden. */
export function createTestContext(
  name: string,
  limits: Partial<ExtractionLimits> = {},
): ExtractionContext {
  const merged = { ...defaultExtractionLimits, ...limits };
  return { name, depth: 0, limits: merged, budget: createArchiveBudget(merged) };
}

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { EvaluationSummary } from './evaluation-summary.js';

/** Where `npm run eval` writes its summary, beside the shipped model. */
export const evaluationSummaryPath = fileURLToPath(
  new URL('../../../models/evaluation-summary.json', import.meta.url),
);

/** The summary of the last evaluation on real text, or undefined when there is none. */
export function readEvaluationSummary(
  path: string = evaluationSummaryPath,
): EvaluationSummary | undefined {
  if (!existsSync(path)) return undefined;
  const summary = JSON.parse(readFileSync(path, 'utf8')) as Partial<EvaluationSummary>;
  return summary.format === 'simwatch-evaluation-summary/1'
    ? (summary as EvaluationSummary)
    : undefined;
}

import { isLabel } from '../../screening/finding.js';
import { labelNames } from './label-names.js';

/**
 * A finding's title as people read it: its label's plain name and its page, such as "Police in
 * care planning, page 16" (no page for a document without pages; an unknown label as recorded).
 */
export function findingTitle(finding: { label: string; page: number | null }): string {
  const name = isLabel(finding.label) ? labelNames[finding.label] : finding.label;
  return finding.page === null ? name : `${name}, page ${finding.page}`;
}

import type { ExtractionWarning } from '../extract/extracted-document.js';

/** The warnings that mean a page's text was not read, so the page was not screened. */
export const unreadPageWarnings: readonly ExtractionWarning['code'][] = [
  'needs_ocr',
  'ocr_failed',
  'damaged_page',
];

/** How many distinct pages were not read, from the extraction's warnings. */
export function countUnreadPages(warnings: readonly ExtractionWarning[]): number {
  const pages = new Set<number>();
  for (const warning of warnings)
    if (warning.page !== undefined && unreadPageWarnings.includes(warning.code))
      pages.add(warning.page);
  return pages.size;
}

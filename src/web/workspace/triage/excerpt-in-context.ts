/** A finding's passage within its page: the text before it, the passage, and the text after. */
export interface ExcerptInContext {
  before: string;
  match: string;
  after: string;
  /** True when the text before the passage was cut short (show an ellipsis). */
  clippedBefore: boolean;
  /** True when the text after the passage was cut short. */
  clippedAfter: boolean;
  /** False when the page text does not hold the passage, so it is shown on its own. */
  located: boolean;
}

/**
 * Places a finding's excerpt in its page's text. The screening engine records `start` and `end`
 * as offsets in the page text, with `excerpt` exactly `pageText.slice(start, end)`; should a page
 * ever disagree (text re-extracted differently), the excerpt is looked for in the page instead,
 * and failing that shown alone. `radius` keeps that many characters either side (`before`, if
 * given, before it), cut at a space so that no word is broken; without it the whole page is kept.
 */
export function excerptInContext(
  pageText: string | undefined,
  finding: { excerpt: string; start: number; end: number },
  options: { radius?: number; before?: number } = {},
): ExcerptInContext {
  const { excerpt } = finding;
  const start = locate(pageText ?? '', finding);
  if (pageText === undefined || start === undefined)
    return {
      before: '',
      match: excerpt,
      after: '',
      clippedBefore: false,
      clippedAfter: false,
      located: false,
    };
  const end = start + excerpt.length;
  const radius = options.radius ?? Infinity;
  let before = pageText.slice(Math.max(0, start - (options.before ?? radius)), start);
  let after = pageText.slice(end, Math.min(pageText.length, end + radius));
  const clippedBefore = start - before.length > 0;
  const clippedAfter = end + after.length < pageText.length;
  if (clippedBefore) before = before.replace(/^\S*\s+/, '');
  if (clippedAfter) after = after.replace(/\s+\S*$/, '');
  return { before, match: excerpt, after, clippedBefore, clippedAfter, located: true };
}

function locate(
  pageText: string,
  { excerpt, start, end }: { excerpt: string; start: number; end: number },
): number | undefined {
  if (excerpt === '') return undefined;
  if (start >= 0 && end <= pageText.length && pageText.slice(start, end) === excerpt) return start;
  const found = pageText.indexOf(excerpt);
  return found === -1 ? undefined : found;
}

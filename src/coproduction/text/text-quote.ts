import { distance } from 'fastest-levenshtein';

import { SimwatchError } from '../../errors.js';
import type { TextQuote } from '../agreement.js';

/** How much text around a quote is kept with it, as the W3C TextQuoteSelector suggests. */
export const contextLength = 32;
/** How close edited text must stay to the quote (1 - edit distance / length) to be the same passage. */
const minimumSimilarity = 0.6;
/**
 * A short quote can be reworded past that (one word replaced by another) and still be plainly the
 * same place: then the quote with its context must stay this close, and the quote itself this close.
 */
const minimumSimilarityInContext = 0.7;
const minimumSimilarityWithContext = 0.3;

/** Where a quote lies in a text, and whether it is still there word for word. */
export interface QuotePlace {
  start: number;
  end: number;
  exactMatch: boolean;
}

/** The quote of `content` from `start` to `end` (UTF-16 offsets), with its prefix and suffix. */
export function quoteAt(content: string, start: number, end: number): TextQuote {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > content.length)
    throw new SimwatchError(
      'invalid_input',
      `Cannot quote characters ${start} to ${end}: the text has ${content.length} characters`,
    );
  if (end <= start)
    throw new SimwatchError(
      'invalid_input',
      `Cannot quote characters ${start} to ${end}: a quote needs at least one character`,
    );
  return {
    exact: content.slice(start, end),
    prefix: content.slice(Math.max(0, start - contextLength), start),
    suffix: content.slice(end, end + contextLength),
  };
}

/** How far the text around `start..end` is from the quote's prefix and suffix (0 fits exactly). */
function contextMisfit(content: string, quote: TextQuote, start: number, end: number): number {
  const before = content.slice(Math.max(0, start - quote.prefix.length), start);
  const after = content.slice(end, end + quote.suffix.length);
  return distance(quote.prefix, before) + distance(quote.suffix, after);
}

function occurrences(content: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = content.indexOf(exact); at !== -1; at = content.indexOf(exact, at + 1))
    found.push(at);
  return found;
}

/** Offsets where words start and where they end (the places an edited quote may begin or stop). */
function wordBoundaries(content: string): { starts: number[]; ends: number[] } {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of content.matchAll(/\S+/g)) {
    starts.push(match.index);
    ends.push(match.index + match[0].length);
  }
  return { starts, ends };
}

function bestBy<T>(items: T[], cost: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestCost = Infinity;
  for (const item of items) {
    const itemCost = cost(item);
    if (itemCost < bestCost) [best, bestCost] = [item, itemCost];
  }
  return best;
}

/**
 * Finds where the quote was edited into: first the region that best matches the quote with its
 * context (word starts scanned in strides), then the start and the end of the quote inside it, each
 * chosen to fit the quote and the text on its side.
 */
function placeEdited(content: string, quote: TextQuote): QuotePlace | null {
  const { starts, ends } = wordBoundaries(content);
  if (starts.length === 0) return null;
  const whole = quote.prefix + quote.exact + quote.suffix;
  const wordsInWhole = Math.max(1, whole.split(/\s+/).length);
  const stride = Math.max(1, Math.floor(wordsInWhole / 4));
  const strided = starts.filter((_, index) => index % stride === 0);
  const region = bestBy(strided, (at) => distance(whole, content.slice(at, at + whole.length)));
  if (region === undefined) return null;
  const length = quote.exact.length;
  const low = region - length;
  const high = region + whole.length + length;
  const startCost = (at: number): number =>
    distance(quote.exact, content.slice(at, at + length)) +
    distance(quote.prefix, content.slice(Math.max(0, at - quote.prefix.length), at));
  const start = bestBy(
    starts.filter((at) => at >= low && at <= high),
    startCost,
  );
  if (start === undefined) return null;
  const endCost = (at: number): number =>
    distance(quote.exact, content.slice(start, at)) +
    distance(quote.suffix, content.slice(at, at + quote.suffix.length));
  const end = bestBy(
    ends.filter((at) => at > start && at - start <= length * 2),
    endCost,
  );
  if (end === undefined) return null;
  const found = content.slice(start, end);
  const similarity = 1 - distance(quote.exact, found) / Math.max(quote.exact.length, found.length);
  const inContext =
    content.slice(Math.max(0, start - quote.prefix.length), start) +
    found +
    content.slice(end, end + quote.suffix.length);
  const similarityInContext =
    1 - distance(whole, inContext) / Math.max(whole.length, inContext.length);
  const same =
    similarity >= minimumSimilarity ||
    (similarity >= minimumSimilarityWithContext &&
      similarityInContext >= minimumSimilarityInContext);
  return same ? { start, end, exactMatch: false } : null;
}

/**
 * Places a quote made on one version in another (W3C TextQuoteSelector): the occurrence of the
 * exact text whose surroundings best fit the prefix and suffix; failing that, the passage it was
 * edited into (`exactMatch: false`); null when it is gone.
 */
export function placeQuote(content: string, quote: TextQuote): QuotePlace | null {
  if (quote.exact === '') return null;
  const found = occurrences(content, quote.exact);
  const best = bestBy(found, (at) => contextMisfit(content, quote, at, at + quote.exact.length));
  if (best !== undefined) return { start: best, end: best + quote.exact.length, exactMatch: true };
  return placeEdited(content, quote);
}

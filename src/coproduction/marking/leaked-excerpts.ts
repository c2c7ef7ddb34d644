import { createSeededRandom } from '../../seeded-random.js';
import { markNotice, type MarkRecipient } from './mark-copy.js';

/** How a leaked passage was copied out of its marked copy. */
export type CopyingStyle = 'exact' | 'pasted' | 'retyped';

/** Removes the disclosed notice from the top of a marked copy, leaving the marked text. */
export function markedBody(copy: string, recipient: MarkRecipient): string {
  const notice = `${markNotice(recipient)}\n\n`;
  return copy.startsWith(notice) ? copy.slice(notice.length) : copy;
}

/**
 * Takes `words` consecutive words from a marked text, starting at a word chosen by `seed`, and
 * copies them as a leaker would: exactly; pasted into an email (whitespace collapsed, quotes
 * straightened); or retyped loosely (pasted, and about one word in forty mistyped or dropped).
 */
export function leakExcerpt(
  body: string,
  words: number,
  style: CopyingStyle,
  seed: number,
): string {
  const random = createSeededRandom(seed);
  const parts = body.split(/(\s+)/);
  const total = Math.ceil(parts.length / 2);
  const first = random.between(0, Math.max(0, total - words)) * 2;
  const excerpt = parts.slice(first, first + words * 2 - 1).join('');
  if (style === 'exact') return excerpt;
  const pasted = excerpt
    .replace(/\s+/g, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"');
  if (style === 'pasted') return pasted;
  return pasted
    .split(' ')
    .flatMap((word) => {
      const roll = random.next();
      if (roll < 0.0125) return [];
      if (roll < 0.025 && word.length > 3) return [word.slice(0, -2) + word.slice(-1)];
      return [word];
    })
    .join(' ');
}

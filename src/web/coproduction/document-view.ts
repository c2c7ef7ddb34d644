import type { Comment, Party } from '../../coproduction/agreement.js';
import { placeQuote } from '../../coproduction/text/text-quote.js';
import { wordDiff } from '../../coproduction/text/word-diff.js';

/** A comment as shown beside a version: where its quote is now, and whether it changed. */
export interface PlacedComment {
  comment: Comment;
  partyName: string;
  /** The passage the comment points to in the version shown, or null if it is no longer there. */
  passage: string | null;
  /** True when the quote was placed by its context because its exact words have changed. */
  quoteChanged: boolean;
  /** The character offset of the passage (for ordering beside the text). */
  start: number;
}

/**
 * Places each comment on `content` (the version shown) by its quote: comments made on this or an
 * earlier version, in the order of the passages they point to; those whose passage is gone last.
 */
export function placeComments(
  content: string,
  versionNumber: number,
  comments: readonly Comment[],
  parties: readonly Party[],
): PlacedComment[] {
  return comments
    .filter((comment) => comment.versionNumber <= versionNumber)
    .map((comment) => {
      const placed = placeQuote(content, comment.anchor);
      return {
        comment,
        partyName: parties.find((party) => party.id === comment.partyId)?.name ?? '',
        passage: placed ? content.slice(placed.start, placed.end) : null,
        quoteChanged: placed ? !placed.exactMatch : true,
        start: placed ? placed.start : Number.MAX_SAFE_INTEGER,
      };
    })
    .sort((a, b) => a.start - b.start || a.comment.id - b.comment.id);
}

/** A word diff's parts, with counts of the words added and removed (for the summary). */
export function diffView(from: string, to: string) {
  const parts = wordDiff(from, to);
  const words = (text: string) => text.split(/\s+/).filter((word) => word !== '').length;
  return {
    parts,
    added: parts.filter((part) => part.kind === 'added').reduce((n, p) => n + words(p.text), 0),
    removed: parts.filter((part) => part.kind === 'removed').reduce((n, p) => n + words(p.text), 0),
  };
}

import { recipientChoice } from './recipient-choice.js';
import { readMarkableText, type MarkableText } from './variation-points.js';

/** Who a marked copy is for: a label to show, the secret seed of the mark, and the day it was made. */
export interface MarkRecipient {
  readonly label: string;
  readonly seed: string;
  readonly date: string;
}

/** The notice that opens every marked copy, so that the mark is disclosed to its reader. */
export function markNotice(recipient: MarkRecipient): string {
  return (
    `> This copy was made for ${recipient.label} on ${recipient.date}. It carries a mark that ` +
    'identifies its recipient: small choices between equivalent wordings (such as "while" or ' +
    '"whilst", "for example" or "for instance", a serial comma or none) and the spacing between ' +
    'sentences differ from copy to copy, without changing the meaning, so a passage copied or ' +
    'retyped from it can be traced to this copy. It is confidential to the parties to the agreement.'
  );
}

/** Applies a recipient's choices at every variation point of an already read text. */
export function applyMark(markable: MarkableText, seed: string): string {
  let copy = '';
  let cursor = 0;
  for (const point of markable.points) {
    const choice = recipientChoice(seed, point.key, point.alternatives.length);
    copy += markable.text.slice(cursor, point.start) + (point.alternatives[choice] ?? '');
    cursor = point.end;
  }
  return copy + markable.text.slice(cursor);
}

/**
 * Makes a recipient's copy of a Markdown text: a notice that the copy is marked, then the text with
 * the recipient's own choices of equivalent wording and sentence spacing, derived from its seed.
 */
export function markCopy(content: string, recipient: MarkRecipient): string {
  return `${markNotice(recipient)}\n\n${applyMark(readMarkableText(content), recipient.seed)}`;
}

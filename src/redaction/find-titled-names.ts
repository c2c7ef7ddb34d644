import type { RedactedSpan } from './redaction.js';

// Spaces between words, with at most one line break: a blank line ends the name.
const gap = String.raw`(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)`;
// Lower-case particles belong to the surname that follows them ("Mr de Souza", "Dr al-Rashid").
const particle = String.raw`(?:(?:van|von|de|da|di|du|del|della|der|den|la|le|ter|bin|ibn|al|el|ap)${gap}|(?:al|el)-)`;
// Capitalised words that start a sentence rather than continue a name ("seen by the Dr. The next
// day..."). Single letters are left out: they are initials.
const stopWords = [
  ...['The', 'This', 'That', 'These', 'Those', 'And', 'But', 'Or', 'If', 'In', 'On', 'At', 'Of'],
  ...['For', 'To', 'With', 'He', 'She', 'It', 'They', 'We', 'You', 'His', 'Her', 'Their', 'Our'],
  ...['Its', 'Was', 'Is', 'Are', 'Were', 'Who', 'What', 'When', 'Where', 'Why', 'How', 'Then'],
  ...['There', 'As', 'By', 'From'],
];
const notStopWord = String.raw`(?!(?:${stopWords.join('|')})(?!\p{L}))`;
// An initial ("J", "J.") or a capitalised word, with capitalised hyphen parts ("Smith-Jones") and
// apostrophe parts ("O'Brien") but not a possessive "'s".
const word = String.raw`${notStopWord}(?:\p{Lu}\.|\p{Lu}\p{L}*(?:['’](?![sS](?!\p{L}))\p{L}+|-\p{Lu}\p{L}*)*)`;
// After upper-case "MS" only all-capitals names count: "MS Society" is about multiple sclerosis,
// while "MS JANE SMITH" is a form filled in capitals.
const capitalsWord = String.raw`${notStopWord}(?:\p{Lu}\.|\p{Lu}+(?:['’](?!S(?!\p{L}))\p{Lu}+|-\p{Lu}+)*(?!\p{Ll}))`;

// Titles are case-sensitive so that "dr" and the verb "miss" never count.
const mixedCase = namesAfter('Mrs|Mr|Ms|Miss|Mx|Dr|MRS|MR|MISS|MX|DR', word);
const capitals = namesAfter('MS', capitalsWord);

/** Finds one to three name words after a title ("Mr John Smith", "Dr. A. Patel"); the title stays. */
export function findTitledNames(text: string): RedactedSpan[] {
  const found: RedactedSpan[] = [];
  for (const pattern of [mixedCase, capitals]) {
    for (const match of text.matchAll(pattern)) {
      const name = match.indices?.groups?.name;
      if (name) found.push({ kind: 'name', start: name[0], end: name[1] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function namesAfter(titles: string, nameWord: string): RegExp {
  // A dotted initial may be followed directly by the next word ("J.Smith").
  const nextWord = String.raw`(?:${gap}|(?<=\.))${particle}{0,3}${nameWord}`;
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])(?:${titles})\.?${gap}(?<name>${particle}{0,3}${nameWord}(?:${nextWord}){0,2})`,
    'gdu',
  );
}

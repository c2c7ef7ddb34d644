import type { RedactedSpan } from './redaction.js';

// A birth marker: "DOB" (with or without full stops), "date of birth", "born" or "born on". No
// letter may come before it ("newborn", "stubborn"); after it only the joiner below may come, so
// "borne" is not a marker either.
const marker = String.raw`(?<!\p{L})(?:d\.?o\.?b\.?|date\s+of\s+birth|born(?:\s+on)?)`;
// Between marker and date: a little punctuation ("DOB: ", "Date of birth (DOB) - ") and perhaps
// "is", "was" or "on"; any other words mean the date may be about something else.
const joiner = String.raw`[\s:=()\u2013\u2014-]{0,6}(?:(?:is|was|on)\s+)?`;
const month = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?!\p{L})\.?`;
const day = String.raw`\d{1,2}(?:st|nd|rd|th)?`;
const year = String.raw`(?:\d{4}|\d{2})`;
const dateForms = [
  // 12/03/1985, 12-03-85, 12.03.1985 (after a birth marker even a mixed "12/03-1985" is a date).
  String.raw`\d{1,2}[/.-]\d{1,2}[/.-]${year}`,
  // 1985-03-12, 1985/03/12: year first, as databases write it.
  String.raw`\d{4}[/.-]\d{1,2}[/.-]\d{1,2}`,
  // 12 March 1985, 3rd of Jan 90.
  String.raw`${day}\s+(?:of\s+)?${month},?\s+${year}`,
  // March 12, 1985.
  String.raw`${month}\s+${day},?\s+${year}`,
].join('|');
const dateOfBirth = new RegExp(
  String.raw`${marker}${joiner}(?<date>${dateForms})(?![\p{N}/.-]\p{N}|\p{N})`,
  'gdiu',
);

/** Finds dates marked as birth dates ("DOB: 12/03/1985", "born 3 Jan 1990"); the marker stays. */
export function findDatesOfBirth(text: string): RedactedSpan[] {
  const found: RedactedSpan[] = [];
  for (const match of text.matchAll(dateOfBirth)) {
    // Only the date is personal; keeping the label shows the reader what was there.
    const date = match.indices?.groups?.date;
    if (date) found.push({ kind: 'date_of_birth', start: date[0], end: date[1] });
  }
  return found;
}

/**
 * # Redaction
 *
 * Excerpts from NHS and police documents are published, so each one passes through
 * `redactExcerpt()` first. It removes six kinds of personal data and puts a marker in their place
 * (see `redactionMarkers`). When in doubt a rule removes: a hidden reference number costs a reader
 * little, a published NHS number cannot be taken back.
 *
 * - **NHS numbers** `[NHS number removed]`: ten digits, bare or 3-3-4 with spaces or hyphens
 *   ("943 476 5919"), whose modulus 11 check digit is valid, and not part of a longer number.
 * - **Phone numbers** `[phone number removed]`: UK numbers starting 0, +44 or 0044 (with or
 *   without "(0)" or a bracketed area code), 10 or 11 digits in national form counting the 0, in
 *   groups joined by single spaces or hyphens after an area code of at least three digits
 *   ("020"). Service numbers (999, 111, 101), years, money, dates, statute and FOI references
 *   never qualify.
 * - **Email addresses** `[email removed]`: local part, "@", and a dotted domain. "@handles" stay.
 * - **Postcodes** `[postcode removed]`: full UK postcodes in Royal Mail's formats, any case, with
 *   or without the space, as whole tokens. Outward codes alone ("M62", "SW1A") stay, and so do
 *   lower-case ordinals that fit the format ("M1 1st").
 * - **Dates of birth** `[date of birth removed]`: a date straight after "DOB", "D.O.B.", "date of
 *   birth", "born" or "born on", written 12/03/1985, 12-03-85, 1985-03-12, 12 March 1985 or
 *   March 12, 1985. The label stays; dates without a birth marker stay.
 * - **Names** `[name removed]`: one to three capitalised words (initials, "O'Brien",
 *   "Smith-Jones", particles such as "de") after Mr, Mrs, Ms, Miss, Mx or Dr, or the same in
 *   capitals; after "MS" only all-capital names, as "MS" is also multiple sclerosis. Lower-case
 *   titles ("we miss Mary") and words that start a sentence ("Dr. The") do not count. The title
 *   stays.
 *
 * Where matches overlap, the longest wins and the result never overlaps. Offsets are string
 * indices into the original text. Redacting a redacted text changes nothing, since no marker
 * looks like personal data. Text the rules cannot see (a name with no title, "jane at example dot
 * com") is not caught: excerpts still need a person's eye before they are published.
 */
import { findDatesOfBirth } from './find-dates-of-birth.js';
import { findEmails } from './find-emails.js';
import { findNhsNumbers } from './find-nhs-numbers.js';
import { findPhoneNumbers } from './find-phone-numbers.js';
import { findPostcodes } from './find-postcodes.js';
import { findTitledNames } from './find-titled-names.js';
import { redactionMarkers, type Redaction } from './redaction.js';
import { resolveOverlaps } from './resolve-overlaps.js';

const finders = [
  findNhsNumbers,
  findPhoneNumbers,
  findEmails,
  findPostcodes,
  findDatesOfBirth,
  findTitledNames,
];

/** Replaces NHS numbers, phone numbers, emails, postcodes, dates of birth and names with markers. */
export function redactExcerpt(text: string): Redaction {
  const redacted = resolveOverlaps(finders.flatMap((find) => find(text)));
  let redactedText = '';
  let cursor = 0;
  for (const span of redacted) {
    redactedText += text.slice(cursor, span.start) + redactionMarkers[span.kind];
    cursor = span.end;
  }
  return { text: redactedText + text.slice(cursor), redacted };
}

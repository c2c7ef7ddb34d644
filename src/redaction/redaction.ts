/** The kinds of personal data that are removed from published excerpts. */
export type RedactionKind =
  'nhs_number' | 'phone' | 'email' | 'postcode' | 'date_of_birth' | 'name';

/** One removed item: its kind and where it was in the original text (string indices, end exclusive). */
export interface RedactedSpan {
  kind: RedactionKind;
  start: number;
  end: number;
}

/** An excerpt with each removed item replaced by its marker, and the removed spans sorted by start. */
export interface Redaction {
  text: string;
  redacted: RedactedSpan[];
}

/** Every kind, in the order summaries list them and ties between equally long matches are settled. */
export const redactionKinds: readonly RedactionKind[] = Object.freeze([
  'nhs_number',
  'phone',
  'email',
  'postcode',
  'date_of_birth',
  'name',
]);

/** The marker that replaces each kind, so pages can explain what a marker stands for. */
export const redactionMarkers: Readonly<Record<RedactionKind, string>> = Object.freeze({
  nhs_number: '[NHS number removed]',
  phone: '[phone number removed]',
  email: '[email removed]',
  postcode: '[postcode removed]',
  date_of_birth: '[date of birth removed]',
  name: '[name removed]',
});

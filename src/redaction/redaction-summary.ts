import { redactionKinds, type RedactedSpan, type RedactionKind } from './redaction.js';

const labels: Readonly<Record<RedactionKind, readonly [one: string, many: string]>> = {
  nhs_number: ['NHS number', 'NHS numbers'],
  phone: ['phone number', 'phone numbers'],
  email: ['email address', 'email addresses'],
  postcode: ['postcode', 'postcodes'],
  date_of_birth: ['date of birth', 'dates of birth'],
  name: ['name', 'names'],
};

/** Says in plain English what was removed: "2 items removed: 1 NHS number, 1 phone number". */
export function redactionSummary(redacted: readonly Pick<RedactedSpan, 'kind'>[]): string {
  if (redacted.length === 0) return 'No items removed';
  const counts = redactionKinds.flatMap((kind) => {
    const count = redacted.filter((span) => span.kind === kind).length;
    return count === 0 ? [] : [`${count} ${labels[kind][count === 1 ? 0 : 1]}`];
  });
  const items = redacted.length === 1 ? 'item' : 'items';
  return `${redacted.length} ${items} removed: ${counts.join(', ')}`;
}

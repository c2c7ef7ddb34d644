// A deliberately plain check: one @, no spaces or angle brackets, a dot in the domain. The mail
// server is the judge of deliverability; this only catches what cannot be an address at all.

const emailAddressPattern = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;.]+$/;

/** True when `text` looks like a bare email address such as `foi@trust.nhs.uk`. */
export function isEmailAddress(text: string): boolean {
  return text.length <= 254 && emailAddressPattern.test(text);
}

/** The address inside `Name <address>`, or `text` itself when it is a bare address; undefined otherwise. */
export function mailboxAddress(text: string): string | undefined {
  const trimmed = text.trim();
  const inner = /<([^<>]+)>$/.exec(trimmed)?.[1]?.trim() ?? trimmed;
  return isEmailAddress(inner) ? inner : undefined;
}

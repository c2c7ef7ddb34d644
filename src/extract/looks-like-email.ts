// Headers that only email has; a block of "Key: value" lines needs one of them to count as email.
const emailHeaders = new Set([
  'from',
  'received',
  'return-path',
  'mime-version',
  'message-id',
  'subject',
  'delivered-to',
  'x-mailer',
  'dkim-signature',
]);

const headerLine = /^([!-9;-~]+):/;

/** Tells whether text starts with an RFC 5322 header block (at least two headers, one email-specific). */
export function looksLikeEmail(text: string): boolean {
  const lines = text.split(/\r?\n/, 500);
  // An mbox export starts each message with a "From " separator line before the headers.
  if (lines[0]?.startsWith('From ') === true) lines.shift();
  let headers = 0;
  let specific = false;
  for (const line of lines) {
    if (line === '') return headers >= 2 && specific;
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (headers === 0) return false;
      continue;
    }
    const match = headerLine.exec(line);
    if (match === null) return false;
    headers += 1;
    if (emailHeaders.has((match[1] ?? '').toLowerCase())) specific = true;
  }
  // Headers with no body: the whole sample was headers.
  return lines.length < 500 && headers >= 2 && specific;
}

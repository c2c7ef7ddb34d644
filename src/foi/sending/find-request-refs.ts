// Replies are matched to requests by the reference simwatch puts in every subject, body and
// Message-ID. Authorities' systems sometimes change the case or the dashes, so the search is
// forgiving; what it returns is always the canonical form.

import { simpleParser } from 'mailparser';

import { requestRef } from '../foi-request.js';

const looseRefPattern = /\bSW[-_ ]?FOI[-_ ]?(\d{6,})\b/gi;

/** The request references in `text`, canonical (`SW-FOI-000123`), each once, in order of appearance. */
export function findRequestRefs(text: string): string[] {
  const refs = new Set<string>();
  for (const match of text.matchAll(looseRefPattern)) {
    const id = Number(match[1]);
    if (Number.isSafeInteger(id) && id > 0) refs.add(requestRef(id));
  }
  return [...refs];
}

/**
 * The request references in an email (`.eml` bytes), most telling first: the subject, then the
 * In-Reply-To and References headers (the Message-IDs simwatch sent with), then the text.
 */
export async function findRequestRefsInEmail(email: Uint8Array): Promise<string[]> {
  const parsed = await simpleParser(Buffer.from(email), { skipImageLinks: true });
  const references = Array.isArray(parsed.references)
    ? parsed.references.join(' ')
    : (parsed.references ?? '');
  const html = typeof parsed.html === 'string' ? parsed.html : '';
  return findRequestRefs(
    [parsed.subject ?? '', parsed.inReplyTo ?? '', references, parsed.text ?? '', html].join('\n'),
  );
}

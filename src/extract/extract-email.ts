import { simpleParser } from 'mailparser';

import { cannotRead } from './cannot-read.js';
import { htmlToText } from './extract-html.js';
import type { ChildDocument, ExtractedDocument } from './extracted-document.js';
import type { ArchiveBudget, ExtractionLimits } from './extraction-limits.js';
import { spendArchiveBudget } from './spend-archive-budget.js';

/** Extracts an email: the subject and body as one page, each attachment as a child document. */
export async function extractEmail(
  bytes: Uint8Array,
  context: { name: string; limits: ExtractionLimits; budget: ArchiveBudget },
): Promise<ExtractedDocument> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let mail: Awaited<ReturnType<typeof simpleParser>>;
  try {
    mail = await simpleParser(buffer, {
      skipHtmlToText: true,
      skipTextToHtml: true,
      skipImageLinks: true,
      skipTextLinks: true,
    });
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw cannotRead('damaged', context.name, `the email is damaged${detail}`, { cause: error });
  }
  const html = typeof mail.html === 'string' ? mail.html : '';
  // Without a plain-text part the parser leaves `text` empty, so the HTML part is read instead.
  const body = mail.text !== undefined && mail.text.trim() !== '' ? mail.text : htmlToText(html);
  const text = [mail.subject ?? '', body.replace(/\r\n?/g, '\n').trim()]
    .filter((part) => part.trim() !== '')
    .join('\n\n');
  const children: ChildDocument[] = mail.attachments.map((attachment, index) => {
    // Attachments count like archive entries, so a bundle of emails cannot dodge the limits.
    spendArchiveBudget({ entries: 1, bytes: attachment.size }, context);
    return { name: attachment.filename ?? `attachment-${index + 1}`, bytes: attachment.content };
  });
  return { type: 'email', pages: [{ number: null, text }], warnings: [], children };
}

import { describe, expect, it } from 'vitest';

import { extractEmail } from './extract-email.js';
import { createTestContext } from './test-support/create-test-context.js';
import { errorFrom } from './test-support/error-from.js';
import { makeTextPdf } from './test-support/make-pdf.js';

function mime(parts: { headers: string[]; body: string }[]): string {
  const boundary = 'simwatch-boundary';
  const sections = parts.map(
    ({ headers, body }) => `--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n${body}\r\n`,
  );
  return [
    'From: Board Clerk <clerk@trust.example>',
    'To: foi@example.org',
    'Subject: Board minutes for May',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    '',
    ...sections,
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text));
const base64 = (content: Uint8Array | string) => Buffer.from(content).toString('base64');

describe('extractEmail()', () => {
  it('puts the subject first, then the text body', async () => {
    const email =
      'From: a@example.org\r\nSubject: Panel update\r\n\r\nPolice attended.\r\nSecond line.\r\n';
    expect(await extractEmail(bytes(email), createTestContext('update.eml'))).toEqual({
      type: 'email',
      pages: [{ number: null, text: 'Panel update\n\nPolice attended.\nSecond line.' }],
      warnings: [],
      children: [],
    });
  });

  it('reads an HTML-only body as visible text', async () => {
    const email = [
      'From: a@example.org',
      'Subject: HTML only',
      'MIME-Version: 1.0',
      'Content-Type: text/html; charset=utf-8',
      '',
      '<html><head><style>p { color: red }</style></head><body><p>First.</p><p>Second.</p><script>hidden()</script></body></html>',
    ].join('\r\n');
    const result = await extractEmail(bytes(email), createTestContext('html.eml'));
    expect(result.pages[0]?.text).toBe('HTML only\n\nFirst.\n\nSecond.');
  });

  it('returns each attachment as a child document with its name and bytes', async () => {
    const pdf = await makeTextPdf(['Attached minutes.']);
    const email = mime([
      { headers: ['Content-Type: text/plain; charset=utf-8'], body: 'See attached.' },
      {
        headers: [
          'Content-Type: text/plain; name="notes.txt"',
          'Content-Disposition: attachment; filename="notes.txt"',
          'Content-Transfer-Encoding: base64',
        ],
        body: base64('Notes from the panel.'),
      },
      {
        headers: [
          'Content-Type: application/pdf',
          'Content-Disposition: attachment; filename="minutes.pdf"',
          'Content-Transfer-Encoding: base64',
        ],
        body: base64(pdf),
      },
    ]);
    const result = await extractEmail(bytes(email), createTestContext('minutes.eml'));
    expect(result.pages[0]?.text).toBe('Board minutes for May\n\nSee attached.');
    expect(result.children.map((child) => child.name)).toEqual(['notes.txt', 'minutes.pdf']);
    expect(Buffer.from(result.children[0]?.bytes ?? []).toString()).toBe('Notes from the panel.');
    expect(Buffer.from(result.children[1]?.bytes ?? []).equals(Buffer.from(pdf))).toBe(true);
  });

  it('names an attachment that has no file name by its position', async () => {
    const email = mime([
      { headers: ['Content-Type: text/plain'], body: 'Body.' },
      {
        headers: [
          'Content-Type: application/octet-stream',
          'Content-Disposition: attachment',
          'Content-Transfer-Encoding: base64',
        ],
        body: base64('data'),
      },
    ]);
    const result = await extractEmail(bytes(email), createTestContext('mail.eml'));
    expect(result.children.map((child) => child.name)).toEqual(['attachment-1']);
  });

  it('counts attachments against the archive budget', async () => {
    const attachment = (name: string) => ({
      headers: [
        `Content-Disposition: attachment; filename="${name}"`,
        'Content-Transfer-Encoding: base64',
      ],
      body: base64('x'),
    });
    const email = mime([attachment('a.txt'), attachment('b.txt')]);
    const context = createTestContext('mail.eml', { maxArchiveEntries: 1 });
    expect(await errorFrom(() => extractEmail(bytes(email), context))).toMatchObject({
      code: 'archive_limit',
      message: 'Cannot read "mail.eml": its contents would exceed the limit of 1 entries',
    });
  });
});

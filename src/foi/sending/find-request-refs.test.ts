import { describe, expect, it } from 'vitest';

import { findRequestRefs, findRequestRefsInEmail } from './find-request-refs.js';

describe('findRequestRefs()', () => {
  it.each([
    ['Re: Freedom of Information request: Police [SW-FOI-000123]', ['SW-FOI-000123']],
    ['RE: FOI sw-foi-000123 response', ['SW-FOI-000123']],
    ['Our ref FOI/2026/12; your ref SW FOI 000123', ['SW-FOI-000123']],
    ['SW_FOI_0000123 and SW-FOI-000124, again SW-FOI-000123', ['SW-FOI-000123', 'SW-FOI-000124']],
    ['Batch SW-FOI-BATCH-0001 only', []],
    ['SW-FOI-12345 is too short, XSW-FOI-000123 is part of a word', []],
    ['No reference at all', []],
  ])('finds in %j: %j', (text, refs) => {
    expect(findRequestRefs(text)).toEqual(refs);
  });
});

function email(headers: string[], body: string): Uint8Array {
  return Buffer.from(
    [
      'From: FOI Team <foi@trust.example.nhs.uk>',
      'To: foi@research.example.org',
      'Date: Mon, 7 Dec 2026 10:00:00 +0000',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      ...headers,
      '',
      body,
    ].join('\r\n'),
  );
}

describe('findRequestRefsInEmail()', () => {
  it('reads the reference from the subject first', async () => {
    const reply = email(
      ['Subject: RE: Freedom of Information request [SW-FOI-000123]'],
      'Our answer. (We also hold SW-FOI-000999 on file.)',
    );
    expect(await findRequestRefsInEmail(reply)).toEqual(['SW-FOI-000123', 'SW-FOI-000999']);
  });

  it('finds the request from In-Reply-To when the authority rewrote the subject', async () => {
    const reply = email(
      [
        'Subject: Your FOI request - our reference 2026/0412',
        'In-Reply-To: <SW-FOI-000077.6f1c2b7e-1a2b-4c3d-9e8f-0123456789ab@research.example.org>',
      ],
      'Please find attached our response.',
    );
    expect(await findRequestRefsInEmail(reply)).toEqual(['SW-FOI-000077']);
  });

  it('finds it in a quoted body when nothing else has it', async () => {
    const reply = email(
      ['Subject: Response'],
      'Dear requester,\r\n\r\nAnswer below.\r\n\r\n> Reference: SW-FOI-000005 (please quote it in your reply)',
    );
    expect(await findRequestRefsInEmail(reply)).toEqual(['SW-FOI-000005']);
  });

  it('finds nothing in an email without a reference', async () => {
    expect(await findRequestRefsInEmail(email(['Subject: Hello'], 'Nothing here.'))).toEqual([]);
  });
});

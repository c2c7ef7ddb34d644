import { createServer } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { SimwatchError } from '../../errors.js';
import { createConfiguredSender } from './create-configured-sender.js';
import { composeRequestEmail, type FoiSender } from './foi-sender.js';
import { createSmtpSender } from './smtp-sender.js';
import { startLocalSmtpServer, type LocalSmtpServer } from './test-support/local-smtp-server.js';

const request = {
  ref: 'SW-FOI-000042',
  subject: 'Police officers in care plans',
  body: 'Please tell me whether any care plan names a police officer.',
  organisationName: 'Example Mental Health NHS Foundation Trust',
};

const opened: (LocalSmtpServer | FoiSender)[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

async function server(options?: Parameters<typeof startLocalSmtpServer>[0]) {
  const started = await startLocalSmtpServer(options);
  opened.push(started);
  return started;
}

function sender(url: string, from = 'Research team <foi@research.example.org>') {
  const created = createSmtpSender({ url, from, timeoutMs: 5_000 });
  opened.push(created);
  return created;
}

async function sendFailure(send: Promise<unknown>): Promise<SimwatchError> {
  const error: unknown = await send.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(SimwatchError);
  return error as SimwatchError;
}

describe('createSmtpSender()', () => {
  it('delivers a request to the SMTP server with its reference in the subject, text, Message-ID and a header', async () => {
    const smtp = await server();
    const { messageId } = await sender(smtp.url).send(
      composeRequestEmail(request, 'foi@trust.example.nhs.uk'),
    );
    const [received] = await smtp.waitForMessages(1);
    expect(received?.from).toBe('foi@research.example.org');
    expect(received?.to).toEqual(['foi@trust.example.nhs.uk']);
    expect(received?.subject).toBe(
      'Freedom of Information request: Police officers in care plans [SW-FOI-000042]',
    );
    expect(received?.text).toContain(
      'Please tell me whether any care plan names a police officer.',
    );
    expect(received?.text).toContain('Reference: SW-FOI-000042');
    expect(received?.messageId).toBe(messageId);
    expect(messageId).toMatch(/^<SW-FOI-000042\.[0-9a-f-]+@research\.example\.org>$/);
    expect(received?.headers['x-simwatch-reference']).toBe('SW-FOI-000042');
    expect(received?.headers.from).toBe('Research team <foi@research.example.org>');
  });

  it('sends a follow-up In-Reply-To the earlier message', async () => {
    const smtp = await server();
    const mail = sender(smtp.url);
    const first = await mail.send(composeRequestEmail(request, 'foi@trust.example.nhs.uk'));
    await mail.send({
      ...composeRequestEmail(request, 'foi@trust.example.nhs.uk'),
      inReplyTo: first.messageId,
    });
    const [, followUp] = await smtp.waitForMessages(2);
    expect(followUp?.headers['in-reply-to']).toBe(first.messageId);
  });

  it('logs in with the user name and password in the URL', async () => {
    const smtp = await server({ auth: { user: 'research', pass: 's3cret pass' } });
    await sender(smtp.url).send(composeRequestEmail(request, 'foi@trust.example.nhs.uk'));
    expect((await smtp.waitForMessages(1))[0]?.user).toBe('research');
  });

  it('sends many requests over one sender, each arriving once', async () => {
    const smtp = await server();
    const mail = sender(smtp.url);
    for (let index = 1; index <= 60; index += 1)
      await mail.send(
        composeRequestEmail(
          { ...request, ref: `SW-FOI-${String(index).padStart(6, '0')}` },
          `foi${String(index)}@trust.example.nhs.uk`,
        ),
      );
    const received = await smtp.waitForMessages(60);
    expect(new Set(received.map((message) => message.to[0])).size).toBe(60);
    expect(received.at(-1)?.subject).toContain('[SW-FOI-000060]');
  });

  it('fails with send_failed naming the request and address when the server refuses the recipient, and sends the next', async () => {
    const smtp = await server({ rejectRecipient: (address) => address.startsWith('gone@') });
    const mail = sender(smtp.url);
    const error = await sendFailure(
      mail.send(composeRequestEmail(request, 'gone@trust.example.nhs.uk')),
    );
    expect(error.code).toBe('send_failed');
    expect(error.message).toMatch(
      /^Cannot send SW-FOI-000042 to "gone@trust.example.nhs.uk": the mail server refused the address: 550/,
    );
    expect(smtp.messages).toEqual([]);
    await mail.send(composeRequestEmail(request, 'foi@trust.example.nhs.uk'));
    expect((await smtp.waitForMessages(1)).map((message) => message.to)).toEqual([
      ['foi@trust.example.nhs.uk'],
    ]);
  });

  it('fails with send_failed, without the password, when the server refuses the login', async () => {
    const smtp = await server({ auth: { user: 'research', pass: 'right' } });
    const url = smtp.url.replace(':right@', ':wrong-password@');
    const error = await sendFailure(
      sender(url).send(composeRequestEmail(request, 'foi@trust.example.nhs.uk')),
    );
    expect(error.code).toBe('send_failed');
    expect(error.message).toContain('refused the user name or password');
    expect(error.message).not.toContain('wrong-password');
  });

  it('fails with send_failed when nothing listens at the address', async () => {
    const free = createServer();
    await new Promise<void>((resolve) => free.listen(0, '127.0.0.1', resolve));
    const { port } = free.address() as { port: number };
    await new Promise((resolve) => free.close(resolve));
    const error = await sendFailure(
      sender(`smtp://127.0.0.1:${String(port)}`).send(
        composeRequestEmail(request, 'foi@trust.example.nhs.uk'),
      ),
    );
    expect(error.code).toBe('send_failed');
    expect(error.message).toContain(
      `the mail server 127.0.0.1:${String(port)} could not be reached`,
    );
  });

  it('refuses a sender address that is not an email address', () => {
    expect(() => createSmtpSender({ url: 'smtp://127.0.0.1:25', from: 'Research team' })).toThrow(
      'Cannot send from "Research team": give an email address',
    );
  });
});

describe('createConfiguredSender()', () => {
  it('says which settings are missing, and that requests can be exported instead', () => {
    expect(() => createConfiguredSender({ smtpUrl: null, from: null })).toThrow(
      /^Cannot send FOI requests by email: set SIMWATCH_SMTP_URL .* and SIMWATCH_FOI_FROM .*simwatch foi export/,
    );
    expect(() => createConfiguredSender({ smtpUrl: 'smtp://127.0.0.1:25', from: null })).toThrow(
      /set SIMWATCH_FOI_FROM/,
    );
  });

  it('sends through the configured server', async () => {
    const smtp = await server();
    const mail = createConfiguredSender({ smtpUrl: smtp.url, from: 'foi@research.example.org' });
    opened.push(mail);
    await mail.send(composeRequestEmail(request, 'foi@trust.example.nhs.uk'));
    expect((await smtp.waitForMessages(1))[0]?.subject).toContain('[SW-FOI-000042]');
  });
});

// Sending by SMTP with nodemailer: one connection per sender, each message with a Message-ID that
// carries the request's reference, so a reply's In-Reply-To names the request even when the
// authority rewrites the subject.

import { randomUUID } from 'node:crypto';

import nodemailer from 'nodemailer';

import { SimwatchError } from '../../errors.js';
import { mailboxAddress } from './email-address.js';
import type { FoiSender, OutgoingRequest } from './foi-sender.js';

/** How to reach the mail server: `smtp://user:password@host:587` or `smtps://...:465`, and who the requests come from. */
export interface SmtpSettings {
  url: string;
  /** `Name <address>` or a bare address; replies come back to it. */
  from: string;
  /** Connection, greeting and idle time limits, in milliseconds (default 30 seconds). */
  timeoutMs?: number;
}

/** A sender that hands each request to the SMTP server at `url`; a refusal is a `send_failed` error. */
export function createSmtpSender(settings: SmtpSettings): FoiSender {
  const fromAddress = mailboxAddress(settings.from);
  if (fromAddress === undefined)
    throw new SimwatchError(
      'usage',
      `Cannot send from "${settings.from}": give an email address, such as "Research team <foi@example.org>"`,
    );
  const timeout = settings.timeoutMs ?? 30_000;
  // One pooled connection, reused for every message of a round and closed by `close()`.
  const transport = nodemailer.createTransport(
    {
      pool: true,
      maxConnections: 1,
      url: settings.url,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    },
    { from: settings.from },
  );
  const domain = fromAddress.split('@')[1] ?? 'simwatch.invalid';
  return {
    async send(message: OutgoingRequest) {
      const messageId = `<${message.ref}.${randomUUID()}@${domain}>`;
      try {
        await transport.sendMail({
          to: message.to,
          subject: message.subject,
          text: message.text,
          messageId,
          ...(message.inReplyTo === undefined
            ? {}
            : { inReplyTo: message.inReplyTo, references: [message.inReplyTo] }),
          headers: { 'X-Simwatch-Reference': message.ref },
        });
      } catch (error) {
        throw new SimwatchError(
          'send_failed',
          `Cannot send ${message.ref} to "${message.to}": ${describeSmtpError(error, settings.url)}`,
          { cause: error },
        );
      }
      return { messageId };
    },
    close() {
      transport.close();
      return Promise.resolve();
    },
  };
}

/** What went wrong, in words, from nodemailer's error codes and the server's reply; never the password. */
function describeSmtpError(error: unknown, url: string): string {
  const { code, response, message } = error as {
    code?: string;
    response?: string;
    message?: string;
  };
  const server = serverOf(url);
  switch (code) {
    case 'ECONNREFUSED':
    case 'ECONNECTION':
    case 'ENOTFOUND':
    case 'ESOCKET':
      return `the mail server ${server} could not be reached (${message ?? code})`;
    case 'ETIMEDOUT':
    case 'ETIMEOUT':
    case 'EGREETING':
      return `the mail server ${server} did not answer in time`;
    case 'EAUTH':
    case 'ENOAUTH':
      return `the mail server ${server} refused the user name or password${response ? ` (${response})` : ''}`;
    case 'EENVELOPE':
      return `the mail server refused the address${response ? `: ${response}` : ''}`;
    case 'EMESSAGE':
      return `the mail server refused the message${response ? `: ${response}` : ''}`;
    default:
      return response ?? message ?? String(error);
  }
}

/** `host:port` of an SMTP URL, for messages. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.port === '' ? parsed.hostname : `${parsed.hostname}:${parsed.port}`;
  } catch {
    return '(unreadable address)';
  }
}

// A real SMTP server on 127.0.0.1 for tests and demonstrations: requests are sent to it through
// the same nodemailer sender as in production, and what it receives is parsed as a mail client
// would. No TLS, any user name and password (unless `auth` is given).

import type { AddressInfo } from 'node:net';

import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** One message as the server received it. */
export interface ReceivedMessage {
  /** The envelope sender (MAIL FROM). */
  from: string;
  /** The envelope recipients (RCPT TO). */
  to: string[];
  subject: string;
  text: string;
  messageId: string;
  /** The user name the client logged in with, if it did. */
  user: string | null;
  /** Every header, lower-case names, as text. */
  headers: Record<string, string>;
  raw: Buffer;
}

/** A running local SMTP server. */
export interface LocalSmtpServer {
  /** `smtp://127.0.0.1:PORT` (with `user:pass@` when `auth` was given). */
  url: string;
  messages: ReceivedMessage[];
  /** Resolves once `count` messages in all have arrived; rejects after `timeoutMs` (default 10 s) saying how many did. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMessage[]>;
  close(): Promise<void>;
}

/** Options for failure tests: addresses to refuse (550) and credentials to insist on. */
export interface LocalSmtpServerOptions {
  rejectRecipient?: (address: string) => boolean;
  auth?: { user: string; pass: string };
}

/** Starts an SMTP server on 127.0.0.1 on a free port. */
export async function startLocalSmtpServer(
  options: LocalSmtpServerOptions = {},
): Promise<LocalSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: options.auth === undefined,
    allowInsecureAuth: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onAuth(auth, _session, callback) {
      const { user, pass } = options.auth ?? { user: auth.username, pass: auth.password };
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else
        callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (options.rejectRecipient?.(address.address))
        callback(
          Object.assign(new Error(`Mailbox ${address.address} unavailable`), { responseCode: 550 }),
        );
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then(
          (parsed) => {
            const headers: Record<string, string> = {};
            for (const line of parsed.headerLines)
              headers[line.key] = line.line.replace(/^[^:]*:\s*/, '');
            const mailFrom = session.envelope.mailFrom;
            messages.push({
              from: mailFrom === false ? '' : mailFrom.address,
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              messageId: parsed.messageId ?? '',
              user: typeof session.user === 'string' ? session.user : null,
              headers,
              raw,
            });
            for (const wake of waiters) wake();
            callback();
          },
          (error: unknown) => {
            callback(error instanceof Error ? error : new Error(String(error)));
          },
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;
  const credentials =
    options.auth === undefined
      ? ''
      : `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`;
  return {
    url: `smtp://${credentials}127.0.0.1:${String(port)}`,
    messages,
    waitForMessages(count, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve([...messages]);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `Expected ${String(count)} messages at the local SMTP server, received ${String(messages.length)} in ${String(timeoutMs)} ms`,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

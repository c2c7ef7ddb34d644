import { verify } from 'node:crypto';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  agreedStatementBytes,
  hashText,
  verifyConsent,
  type ConsentStatement,
} from '../../coproduction/consent-statement.js';
import { runCli } from '../test-support/run-cli.js';

let work: string;
const cli = (args: string[], input?: string) =>
  runCli(args, { cwd: work, ...(input === undefined ? {} : { input }) });

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'simwatch-keys-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const consent: ConsentStatement = {
  statement: 'simwatch co-production consent, version 1',
  agreement: '6f1c2a3e-0000-4000-8000-000000000001',
  action: { number: 4, kind: 'publish' },
  subjectHash: hashText('# Policy\n\nVersion 3.\n'),
  effectiveOn: '2027-01-15',
};

/** The public key PEM a `key new` run printed. */
const publicKeyIn = (stdout: string) =>
  /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----\n?/.exec(stdout)?.[0] ?? '';

describe('simwatch agreement key new', () => {
  it('writes the private key readable only by its owner and prints the public key and key id', async () => {
    const made = await cli(['agreement', 'key', 'new', '--out', 'coalition.pem']);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/^Wrote the private key to coalition.pem/);
    expect(made.stdout).toMatch(/Key id: [0-9a-f]{16}\n/);
    expect(publicKeyIn(made.stdout)).not.toBe('');
    const file = join(work, 'coalition.pem');
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(made.stdout).not.toContain('PRIVATE KEY');
  });

  it('refuses to overwrite a key file', async () => {
    await writeFile(join(work, 'kept.pem'), 'the old key');
    const again = await cli(['agreement', 'key', 'new', '--out', 'kept.pem']);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain(
      `Cannot write the key to "kept.pem": the file exists, and a party's key is never overwritten`,
    );
    expect(await readFile(join(work, 'kept.pem'), 'utf8')).toBe('the old key');
  });
});

describe('simwatch agreement sign', () => {
  it('signs a consent statement so that the party’s public key verifies it', async () => {
    const made = await cli(['agreement', 'key', 'new', '--out', 'nhs.pem', '--json']);
    const { publicKeyPem } = JSON.parse(made.stdout) as { publicKeyPem: string };
    await writeFile(join(work, 'consent.json'), JSON.stringify(consent));
    const signed = await cli([
      'agreement',
      'sign',
      '--key',
      'nhs.pem',
      '--statement',
      'consent.json',
    ]);
    expect(signed.stderr).toBe('');
    expect(signed.status).toBe(0);
    expect(verifyConsent(consent, signed.stdout.trim(), publicKeyPem)).toBe(true);
    const fromStdin = await cli(
      ['agreement', 'sign', '--key', 'nhs.pem', '--statement', '-'],
      JSON.stringify(consent, null, 2),
    );
    expect(fromStdin.stdout).toBe(signed.stdout);
  });

  it('signs an agreed-not-published statement over its own bytes', async () => {
    const made = await cli(['agreement', 'key', 'new', '--out', 'agreed.pem', '--json']);
    const { publicKeyPem } = JSON.parse(made.stdout) as { publicKeyPem: string };
    const agreed = {
      statement: 'simwatch co-production agreed-not-published, version 1' as const,
      agreement: consent.agreement,
      action: 4,
      subjectHash: consent.subjectHash,
      text: 'Version 3 was agreed by both parties.',
    };
    const signed = await cli(
      ['agreement', 'sign', '--key', 'agreed.pem', '--statement', '-', '--json'],
      JSON.stringify(agreed),
    );
    const { kind, signature } = JSON.parse(signed.stdout) as { kind: string; signature: string };
    expect(kind).toBe('agreed');
    expect(
      verify(null, agreedStatementBytes(agreed), publicKeyPem, Buffer.from(signature, 'base64')),
    ).toBe(true);
  });

  it('refuses anything that is not exactly a statement, saying what was wrong', async () => {
    await cli(['agreement', 'key', 'new', '--out', 'refuse.pem']);
    const sign = (input: string) =>
      cli(['agreement', 'sign', '--key', 'refuse.pem', '--statement', '-'], input);
    const notJson = await sign('sign here');
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toContain('Cannot sign standard input: it is not JSON');
    const extra = await sign(JSON.stringify({ ...consent, note: 'and also this' }));
    expect(extra.stderr).toContain(
      'Cannot sign standard input: a consent statement has exactly statement, agreement, action, subjectHash and effectiveOn',
    );
    expect(extra.stdout).toBe('');
    const badHash = await sign(JSON.stringify({ ...consent, subjectHash: 'abc' }));
    expect(badHash.stderr).toContain('its "subjectHash" is not a SHA-256 hash in hex');
    const other = await sign(JSON.stringify({ statement: 'I agree to anything' }));
    expect(other.stderr).toContain('Cannot sign standard input: its "statement" is neither');
  });

  it('refuses a key file that is not an Ed25519 private key', async () => {
    await writeFile(join(work, 'not-a-key.pem'), 'hello');
    await writeFile(join(work, 'statement.json'), JSON.stringify(consent));
    const run = await cli([
      'agreement',
      'sign',
      '--key',
      'not-a-key.pem',
      '--statement',
      'statement.json',
    ]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Cannot use the key "not-a-key.pem": it is not a PEM private key');
    const missing = await cli(['agreement', 'sign', '--key', 'nowhere.pem', '--statement', '-']);
    expect(missing.stderr).toContain('Cannot read "nowhere.pem": ENOENT');
  });
});

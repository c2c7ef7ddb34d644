import { createPrivateKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { readPartyPublicKey } from '../../coproduction/consent-statement.js';
import { readSignableStatement, signableBytes } from '../../coproduction/signable-statement.js';
import { SimwatchError } from '../../errors.js';
import { defineOfflineCommand } from '../define-offline-command.js';
import { requiredOption } from '../register/define-register-command.js';
import type { Terminal } from '../terminal.js';

/** `simwatch agreement key new`: a party's key pair, the private half written only to the file. */
export const keyNewCommand = defineOfflineCommand({
  name: 'agreement key new',
  summary: "Make a party's Ed25519 key pair (the private key stays in your file)",
  usage: 'Usage: simwatch agreement key new --out FILE [--json]',
  help: `Makes an Ed25519 key pair for a party to a co-production agreement. The private key
is written to FILE (PKCS #8 PEM, readable only by you) and never sent anywhere; the
public key and its key id are printed, to be given when the agreement is set up.
Keep FILE safe and share it only with the members who may act for the party.

Options:
  --out FILE    Where to write the private key (refused if it exists)`,
  options: { out: { type: 'string' } },
  async run({ values, terminal, json, print }) {
    const out = requiredOption(values, 'out');
    const pair = generateKeyPairSync('ed25519', {
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    try {
      await writeFile(resolve(terminal.cwd, out), pair.privateKey, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new SimwatchError(
        code === 'EEXIST' ? 'conflict' : 'unreadable',
        code === 'EEXIST'
          ? `Cannot write the key to "${out}": the file exists, and a party's key is never overwritten`
          : `Cannot write the key to "${out}": ${(error as Error).message}`,
      );
    }
    const { publicKeyPem, keyId } = readPartyPublicKey(pair.publicKey);
    if (json) print(JSON.stringify({ file: out, keyId, publicKeyPem }));
    else
      print(
        `Wrote the private key to ${out} (keep it safe: only it can sign for the party).\n` +
          `Key id: ${keyId}\nPublic key:\n${publicKeyPem.trimEnd()}`,
      );
    return 0;
  },
});

/** `simwatch agreement sign`: signs a consent or agreed statement with the party's key file. */
export const signCommand = defineOfflineCommand({
  name: 'agreement sign',
  summary: "Sign a consent statement with your party's key file",
  usage: 'Usage: simwatch agreement sign --key FILE --statement FILE|- [--json]',
  help: `Signs a statement with a party's private key, here on your machine, and prints the
signature (base64) to give with "simwatch agreement consent" or on the consent page.
The statement is the exact JSON that "simwatch agreement statement ACTION" prints (or
the consent page shows): a consent statement, or an agreed-not-published statement.
Anything else is refused, so you never sign what you did not mean to.

Options:
  --key FILE          The party's private key (from "simwatch agreement key new")
  --statement FILE    The statement JSON ("-" reads standard input)`,
  options: { key: { type: 'string' }, statement: { type: 'string' } },
  async run({ values, terminal, json, print }) {
    const keyPath = requiredOption(values, 'key');
    const statementPath = requiredOption(values, 'statement');
    const key = await readPrivateKey(resolve(terminal.cwd, keyPath), keyPath);
    const source = statementPath === '-' ? 'standard input' : `"${statementPath}"`;
    const text =
      statementPath === '-'
        ? await readAll(terminal)
        : await readText(resolve(terminal.cwd, statementPath), statementPath);
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new SimwatchError('invalid_input', `Cannot sign ${source}: it is not JSON`);
    }
    const signable = readSignableStatement(parsed);
    if ('problem' in signable)
      throw new SimwatchError('invalid_input', `Cannot sign ${source}: ${signable.problem}`);
    const signature = sign(null, signableBytes(signable), key).toString('base64');
    print(json ? JSON.stringify({ kind: signable.kind, signature }) : signature);
    return 0;
  },
});

/** A party's Ed25519 private key from a PEM file, or an error naming what was wrong. */
export async function readPrivateKey(path: string, shown: string): Promise<KeyObject> {
  const pem = await readText(path, shown);
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new SimwatchError(
      'invalid_input',
      `Cannot use the key "${shown}": it is not a PEM private key`,
    );
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new SimwatchError(
      'invalid_input',
      `Cannot use the key "${shown}": it is ${String(key.asymmetricKeyType)}, not Ed25519`,
    );
  return key;
}

/** A file's text, or an `unreadable` error naming it. */
export async function readText(path: string, shown: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new SimwatchError(
      'unreadable',
      `Cannot read "${shown}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** All of standard input as text. */
export async function readAll(terminal: Terminal): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of terminal.stdin) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

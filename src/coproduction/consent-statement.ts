import { createHash, createPublicKey, sign, verify } from 'node:crypto';

import { canonicalJson } from '../record/canonical-json.js';
import { keyIdOf } from '../record/checkpoint.js';

/**
 * The actions that bind a co-production agreement: none happens without every party's signed
 * consent to exactly this action (see {@link ConsentStatement}).
 */
export const bindingActionKinds = [
  'publish',
  'change_terms',
  'add_party',
  'remove_party',
  'public_statement',
] as const;

/** The kind of a binding action. */
export type BindingActionKind = (typeof bindingActionKinds)[number];

/**
 * What a party signs to consent to an action. Its canonical JSON (RFC 8785) is the signed bytes,
 * so the signature binds the agreement, the action and the exact text: consent to publish version
 * 3 (its hash) says nothing about version 4.
 *
 * - `agreement`: the agreement's reference (a UUID made when it was set up, the same on every copy
 *   of the register).
 * - `action`: the action's number within the agreement and its kind.
 * - `subjectHash`: SHA-256 (hex) of what the action binds: for `publish` the version hash of the
 *   document version to publish; for `change_terms` the hash of the new terms' text; for
 *   `add_party` and `remove_party` the hash of the party's canonical description; for
 *   `public_statement` the hash of the statement's text (see {@link hashText}).
 * - `effectiveOn`: for `publish`, the date (YYYY-MM-DD) the parties agree to publish on ("final
 *   version agreed" is consent to publish a version on a date); null for the other kinds.
 */
export interface ConsentStatement {
  statement: 'simwatch co-production consent, version 1';
  agreement: string;
  action: { number: number; kind: BindingActionKind };
  subjectHash: string;
  effectiveOn: string | null;
}

/** The bytes a party signs: the statement's canonical JSON, UTF-8. */
export function consentBytes(statement: ConsentStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}

/** Signs a consent statement with the party's Ed25519 private key (PKCS #8 PEM): base64. */
export function signConsent(statement: ConsentStatement, privateKeyPem: string): string {
  return sign(null, consentBytes(statement), privateKeyPem).toString('base64');
}

/**
 * Whether `signature` (base64) is the party's Ed25519 signature over the statement. Only the one
 * canonical base64 spelling is accepted, so a signature is unique.
 */
export function verifyConsent(
  statement: ConsentStatement,
  signature: string,
  publicKeyPem: string,
): boolean {
  const bytes = Buffer.from(signature, 'base64');
  if (bytes.length !== 64 || bytes.toString('base64') !== signature.trim()) return false;
  try {
    return verify(null, consentBytes(statement), publicKeyPem, bytes);
  } catch {
    return false;
  }
}

/** A party's public key checked to be Ed25519 SPKI PEM, with its key id (see `keyIdOf`). */
export function readPartyPublicKey(publicKeyPem: string): { publicKeyPem: string; keyId: string } {
  let key;
  try {
    key = createPublicKey(publicKeyPem);
  } catch {
    throw new Error('Cannot read the public key: it is not a PEM public key');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new Error(
      `Cannot use the public key: it is ${String(key.asymmetricKeyType)}, not Ed25519`,
    );
  const pem = key.export({ type: 'spki', format: 'pem' }).toString();
  return { publicKeyPem: pem, keyId: keyIdOf(pem) };
}

/** SHA-256 (hex) of a text's UTF-8 bytes after {@link canonicalText}. */
export function hashText(text: string): string {
  return createHash('sha256').update(canonicalText(text), 'utf8').digest('hex');
}

/**
 * A version's canonical content: Unicode NFC, line endings as \n, no trailing spaces or tabs on
 * any line, no blank lines at the start or end, and one final \n. Saving the same text from
 * another editor (CRLF, a trailing space) gives the same version hash.
 */
export function canonicalText(text: string): string {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''));
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/**
 * What a party signs when it states publicly that a version was agreed for publication on a date
 * that passed without it being published: its own words, bound to the agreement, the action and
 * the version hash that every party's consent signatures cover.
 */
export interface AgreedStatement {
  statement: 'simwatch co-production agreed-not-published, version 1';
  agreement: string;
  action: number;
  subjectHash: string;
  text: string;
}

/** The bytes a party signs for an agreed-not-published statement (canonical JSON, UTF-8). */
export function agreedStatementBytes(statement: AgreedStatement): Buffer {
  return Buffer.from(canonicalJson(statement), 'utf8');
}

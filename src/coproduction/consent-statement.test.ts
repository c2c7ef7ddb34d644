import { generateKeyPairSync } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  canonicalText,
  hashText,
  readPartyPublicKey,
  signConsent,
  verifyConsent,
  type ConsentStatement,
} from './consent-statement.js';

const keys = () =>
  generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });

const toPublish = (text: string): ConsentStatement => ({
  statement: 'simwatch co-production consent, version 1',
  agreement: '6f1c2a3e-0000-4000-8000-000000000001',
  action: { number: 4, kind: 'publish' },
  subjectHash: hashText(text),
  effectiveOn: '2027-01-15',
});

describe('a consent statement', () => {
  it('is verified with the signing party’s key, and with no other', () => {
    const party = keys();
    const other = keys();
    const statement = toPublish('# Policy\n\nVersion 3.\n');
    const signature = signConsent(statement, party.privateKey);
    expect(verifyConsent(statement, signature, party.publicKey)).toBe(true);
    expect(verifyConsent(statement, signature, other.publicKey)).toBe(false);
  });

  it('binds the exact text, the action and the date: consent to version 3 is not consent to version 4', () => {
    const party = keys();
    const three = toPublish('# Policy\n\nVersion 3.\n');
    const signature = signConsent(three, party.privateKey);
    expect(verifyConsent(toPublish('# Policy\n\nVersion 4.\n'), signature, party.publicKey)).toBe(
      false,
    );
    expect(verifyConsent({ ...three, effectiveOn: '2027-02-01' }, signature, party.publicKey)).toBe(
      false,
    );
    expect(
      verifyConsent(
        { ...three, action: { number: 5, kind: 'publish' } },
        signature,
        party.publicKey,
      ),
    ).toBe(false);
    expect(verifyConsent({ ...three, agreement: 'another' }, signature, party.publicKey)).toBe(
      false,
    );
  });

  it('refuses signatures that are not one canonical 64-byte base64 value', () => {
    const party = keys();
    const statement = toPublish('text');
    const signature = signConsent(statement, party.privateKey);
    expect(verifyConsent(statement, `${signature}=`, party.publicKey)).toBe(false);
    expect(verifyConsent(statement, 'not a signature', party.publicKey)).toBe(false);
    expect(verifyConsent(statement, '', party.publicKey)).toBe(false);
  });
});

describe('a version’s canonical text', () => {
  it('hashes the same whatever the line endings, trailing spaces and blank edges', () => {
    const text = '# Policy\n\nNo police in care plans.\n';
    expect(canonicalText('\n\r\n# Policy  \r\n\r\nNo police in care plans.\t\r\n\r\n')).toBe(text);
    expect(hashText('# Policy\r\n\r\nNo police in care plans.')).toBe(hashText(text));
    expect(hashText(text)).not.toBe(hashText('# Policy\n\nNo police in care plan.\n'));
  });

  it('is NFC, so a composed and a decomposed é are the same text', () => {
    expect(hashText('Caf\u00e9')).toBe(hashText('Cafe\u0301'));
  });
});

describe('a party’s public key', () => {
  it('is read as Ed25519 with its key id, and anything else is refused', () => {
    const party = keys();
    expect(readPartyPublicKey(party.publicKey).keyId).toMatch(/^[0-9a-f]{16}$/);
    const rsa = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    });
    expect(() => readPartyPublicKey(rsa.publicKey)).toThrow(/is rsa, not Ed25519/);
    expect(() => readPartyPublicKey('hello')).toThrow(/not a PEM public key/);
  });
});

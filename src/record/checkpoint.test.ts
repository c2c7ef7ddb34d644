import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import {
  createSigningKey,
  keyIdOf,
  signCheckpoint,
  verifyCheckpoint,
  type Checkpoint,
} from './checkpoint.js';

const key = createSigningKey();
const otherKey = createSigningKey();
const fields = { treeSize: 42, rootHash: 'ab'.repeat(32), time: '2025-03-01T12:00:00.000Z' };

describe('createSigningKey()', () => {
  it('makes an Ed25519 pair whose key id is the start of the SHA-256 of the SPKI DER', () => {
    const der = createPublicKey(key.publicKeyPem).export({ type: 'spki', format: 'der' });
    expect(createPublicKey(key.publicKeyPem).asymmetricKeyType).toBe('ed25519');
    expect(key.keyId).toBe(createHash('sha256').update(der).digest('hex').slice(0, 16));
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(otherKey.keyId).not.toBe(key.keyId);
  });
});

describe('keyIdOf()', () => {
  it('refuses a key that is not Ed25519', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => keyIdOf(pem)).toThrow('Cannot use the public key: it is ec, not Ed25519');
  });
});

describe('signCheckpoint()', () => {
  it('names the signing key and signs the canonical JSON of the four fields', () => {
    const checkpoint = signCheckpoint(fields, key.privateKeyPem);
    expect(checkpoint).toMatchObject({ ...fields, keyId: key.keyId });
    expect(Buffer.from(checkpoint.signature, 'base64')).toHaveLength(64);
    // Ed25519 is deterministic, so re-signing the documented message gives the same signature.
    const message = canonicalJson({ ...fields, keyId: key.keyId });
    expect(message).toBe(
      `{"keyId":"${key.keyId}","rootHash":"${fields.rootHash}","time":"${fields.time}","treeSize":42}`,
    );
    expect(signCheckpoint(fields, key.privateKeyPem).signature).toBe(checkpoint.signature);
  });
});

describe('verifyCheckpoint()', () => {
  const checkpoint = signCheckpoint(fields, key.privateKeyPem);

  it('accepts a checkpoint signed by the key', () => {
    expect(verifyCheckpoint(checkpoint, key.publicKeyPem)).toBe(true);
  });

  it.each<[string, Partial<Checkpoint>]>([
    ['tree size', { treeSize: 41 }],
    ['root hash', { rootHash: 'cd'.repeat(32) }],
    ['time', { time: '2025-03-01T12:00:01.000Z' }],
    ['key id', { keyId: otherKey.keyId }],
  ])('rejects a checkpoint whose %s was changed after signing', (_, change) => {
    expect(verifyCheckpoint({ ...checkpoint, ...change }, key.publicKeyPem)).toBe(false);
  });

  it('rejects a checkpoint signed by another key, whichever key id it claims', () => {
    const forged = signCheckpoint(fields, otherKey.privateKeyPem);
    expect(verifyCheckpoint(forged, key.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint({ ...forged, keyId: key.keyId }, key.publicKeyPem)).toBe(false);
  });

  it('rejects a signature that is damaged or not in canonical base64', () => {
    const bytes = Buffer.from(checkpoint.signature, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(
      verifyCheckpoint({ ...checkpoint, signature: bytes.toString('base64') }, key.publicKeyPem),
    ).toBe(false);
    const spaced = `${checkpoint.signature.slice(0, 10)} ${checkpoint.signature.slice(10)}`;
    expect(verifyCheckpoint({ ...checkpoint, signature: spaced }, key.publicKeyPem)).toBe(false);
    expect(verifyCheckpoint({ ...checkpoint, signature: '' }, key.publicKeyPem)).toBe(false);
  });
});

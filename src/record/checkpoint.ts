import { createHash, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';

/**
 * A signed statement that the log's first `treeSize` events have Merkle root `rootHash`.
 * The Ed25519 signature covers the bytes of `canonicalJson({ treeSize, rootHash, time, keyId })`.
 */
export interface Checkpoint {
  treeSize: number;
  rootHash: string;
  /** ISO 8601 UTC time of signing. */
  time: string;
  /** {@link keyIdOf} the signing key. */
  keyId: string;
  /** Base64 Ed25519 signature. */
  signature: string;
}

/** What the signer states; the key supplies `keyId` and `signature`. */
export type CheckpointFields = Pick<Checkpoint, 'treeSize' | 'rootHash' | 'time'>;

/** An Ed25519 key pair in PEM (PKCS #8 private, SPKI public) with its key id. */
export interface SigningKey {
  privateKeyPem: string;
  publicKeyPem: string;
  keyId: string;
}

/** Makes a new Ed25519 key pair for signing checkpoints. */
export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey, keyId: keyIdOf(publicKey) };
}

/** The key id: the first 16 hex characters of SHA-256 over the public key's SPKI DER bytes. */
export function keyIdOf(publicKeyPem: string): string {
  const key = createPublicKey(publicKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') {
    throw new Error(
      `Cannot use the public key: it is ${String(key.asymmetricKeyType)}, not Ed25519`,
    );
  }
  const der = key.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').slice(0, 16);
}

/** Signs the fields with the private key, naming the key by {@link keyIdOf} its public half. */
export function signCheckpoint(fields: CheckpointFields, privateKeyPem: string): Checkpoint {
  const publicKeyPem = createPublicKey(privateKeyPem).export({ type: 'spki', format: 'pem' });
  const unsigned = {
    treeSize: fields.treeSize,
    rootHash: fields.rootHash,
    time: fields.time,
    keyId: keyIdOf(publicKeyPem.toString()),
  };
  const signature = sign(null, signedBytes(unsigned), privateKeyPem).toString('base64');
  return { ...unsigned, signature };
}

/** Whether the checkpoint names this key and carries its valid signature over the fields. */
export function verifyCheckpoint(checkpoint: Checkpoint, publicKeyPem: string): boolean {
  if (checkpoint.keyId !== keyIdOf(publicKeyPem)) return false;
  const signature = Buffer.from(checkpoint.signature, 'base64');
  // Node decodes base64 leniently; insisting on the one canonical spelling keeps checkpoints unique.
  if (signature.toString('base64') !== checkpoint.signature) return false;
  return verify(null, signedBytes(checkpoint), publicKeyPem, signature);
}

function signedBytes(checkpoint: Omit<Checkpoint, 'signature'>): Buffer {
  const { treeSize, rootHash, time, keyId } = checkpoint;
  return Buffer.from(canonicalJson({ treeSize, rootHash, time, keyId }), 'utf8');
}

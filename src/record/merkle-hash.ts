import { createHash } from 'node:crypto';

// RFC 9162 §2.1.1 prefixes keep a leaf from ever being mistaken for an interior node.
const leafPrefix = Buffer.from([0x00]);
const nodePrefix = Buffer.from([0x01]);

/** The Merkle Tree Hash of an empty list: SHA-256 of no bytes (RFC 9162 §2.1.1). */
export const emptyTreeHash = createHash('sha256').digest('hex');

/** RFC 9162 leaf hash, SHA-256(0x00 || data), as lowercase hex. */
export function leafHash(data: Uint8Array): string {
  return createHash('sha256').update(leafPrefix).update(data).digest('hex');
}

/** RFC 9162 interior node hash, SHA-256(0x01 || left || right), over raw 32-byte hashes. */
export function hashChildren(left: Uint8Array, right: Uint8Array): Buffer {
  return createHash('sha256').update(nodePrefix).update(left).update(right).digest();
}

/** The bytes of a 64-character hex SHA-256 hash, or `undefined` when it is not one. */
export function findHashBytes(hex: string): Buffer | undefined {
  return /^[0-9a-f]{64}$/i.test(hex) ? Buffer.from(hex, 'hex') : undefined;
}

/** The bytes of a 64-character hex SHA-256 hash; throws naming `what` when it is not one. */
export function getHashBytes(hex: string, what: string): Buffer {
  const bytes = findHashBytes(hex);
  if (bytes === undefined)
    throw new Error(`Cannot use ${what}: "${hex}" is not a hex SHA-256 hash`);
  return bytes;
}

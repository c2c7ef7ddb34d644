import { createHash } from 'node:crypto';

// RFC 9562's namespace for names that are URLs or, as here, URL-like paths.
const urlNamespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');

/**
 * A permanent `urn:uuid:` for something in one register: a name-based UUID (version 5) of the
 * register's identity (the hash of its first recorded event) and the thing's path, such as
 * `evidence/12`. It stays the same when the site moves to another address or the register is
 * rebuilt from its record, and differs between registers.
 */
export function stableUrn(registerIdentity: string, path: string): string {
  const hash = createHash('sha1')
    .update(urlNamespace)
    .update(`simwatch:${registerIdentity}/${path}`)
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

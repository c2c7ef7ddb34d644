import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';

import { SimwatchError } from '../errors.js';

/** Original documents on disk, each filed under the SHA-256 of its bytes and never altered. */
export interface BlobStore {
  /** Stores bytes (if not stored already) and returns their SHA-256. */
  put(bytes: Uint8Array): Promise<string>;
  /** The bytes stored under a SHA-256, or undefined. Checks they still match their name. */
  find(sha256: string): Promise<Buffer | undefined>;
  /** The bytes stored under a SHA-256 if they still match it, else whether they are missing or altered. */
  read(sha256: string): Promise<BlobRead>;
  /** Where the bytes for a SHA-256 live. */
  pathOf(sha256: string): string;
  /** Whether the bytes stored under a SHA-256 are there and still match it (read as a stream). */
  check(sha256: string): Promise<BlobState>;
}

/** What is stored under a SHA-256: the same bytes, nothing, or other bytes. */
export type BlobState = 'intact' | 'missing' | 'altered';

/** The bytes stored under a SHA-256, when they are intact. */
export type BlobRead = { state: 'intact'; bytes: Buffer } | { state: 'missing' | 'altered' };

/** A blob store in a folder: `ab/cd/abcd…` so no folder grows too large. */
export function createBlobStore(folder: string): BlobStore {
  const pathOf = (sha256: string): string => {
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw new SimwatchError('invalid_input', `Cannot look up "${sha256}": not a SHA-256`);
    return join(folder, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const read = async (sha256: string): Promise<BlobRead> => {
    const path = pathOf(sha256);
    if (!(await exists(path))) return { state: 'missing' };
    const bytes = await readFile(path);
    return sha256Of(bytes) === sha256 ? { state: 'intact', bytes } : { state: 'altered' };
  };
  return {
    pathOf,
    async put(bytes) {
      const sha256 = sha256Of(bytes);
      const path = pathOf(sha256);
      if (await exists(path)) return sha256;
      await mkdir(join(path, '..'), { recursive: true });
      // Written whole to a temporary name, then renamed: a crash never leaves half a file.
      const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
      try {
        await writeFile(temporary, bytes, { flag: 'wx', mode: 0o444 });
        await rename(temporary, path);
      } catch (error) {
        await unlink(temporary).catch(() => undefined);
        throw new SimwatchError(
          'unreadable',
          `Cannot store the document ${sha256}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      return sha256;
    },
    read,
    async find(sha256) {
      const found = await read(sha256);
      if (found.state === 'altered')
        throw new SimwatchError(
          'record_invalid',
          `The stored document ${sha256} has been altered: its bytes no longer match its name`,
        );
      return found.state === 'intact' ? found.bytes : undefined;
    },
    async check(sha256) {
      const path = pathOf(sha256);
      if (!(await exists(path))) return 'missing';
      const hash = createHash('sha256');
      try {
        await pipeline(createReadStream(path), hash);
      } catch (error) {
        throw new SimwatchError(
          'unreadable',
          `Cannot read the stored document ${sha256}: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error },
        );
      }
      return hash.digest('hex') === sha256 ? 'intact' : 'altered';
    },
  };
}

/** The SHA-256 of bytes, in hex. */
export function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

import { Readable } from 'node:stream';

import yazl from 'yazl';

/** One file to put in a test archive: text, bytes, or a stream for contents too big to hold. */
export interface ZipFixtureEntry {
  name: string;
  content: string | Uint8Array | Readable;
  compress?: boolean;
}

/** Builds a ZIP archive in memory with yazl. */
export function makeZip(entries: ZipFixtureEntry[]): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  for (const { name, content, compress = true } of entries) {
    if (typeof content === 'string' || content instanceof Uint8Array) {
      zip.addBuffer(Buffer.from(content), name, { compress });
    } else {
      zip.addReadStream(content, name, { compress });
    }
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => {
      resolve(new Uint8Array(Buffer.concat(chunks)));
    });
    zip.outputStream.on('error', reject);
  });
}

/** Replaces every occurrence of an entry name in an archive with another of the same length (yazl refuses unsafe names). */
export function renameZipEntry(zip: Uint8Array, from: string, to: string): Uint8Array {
  if (from.length !== to.length)
    throw new Error('Cannot rename a zip entry to a name of another length');
  const result = Buffer.from(zip);
  const search = Buffer.from(from);
  for (let at = result.indexOf(search); at !== -1; at = result.indexOf(search, at + 1)) {
    result.write(to, at, 'latin1');
  }
  return new Uint8Array(result);
}

/** Sets the "encrypted" flag on every entry whose name is given, in both local and central headers. */
export function markZipEntriesEncrypted(zip: Uint8Array, names: string[]): Uint8Array {
  const result = Buffer.from(zip);
  const headers = [
    { signature: 0x04034b50, flagAt: 6, nameLengthAt: 26, nameAt: 30 },
    { signature: 0x02014b50, flagAt: 8, nameLengthAt: 28, nameAt: 46 },
  ];
  for (let at = 0; at + 4 <= result.length; at++) {
    const header = headers.find((candidate) => result.readUInt32LE(at) === candidate.signature);
    if (header === undefined || at + header.nameAt > result.length) continue;
    const nameLength = result.readUInt16LE(at + header.nameLengthAt);
    const name = result.toString('utf8', at + header.nameAt, at + header.nameAt + nameLength);
    if (names.includes(name))
      result.writeUInt16LE(result.readUInt16LE(at + header.flagAt) | 1, at + header.flagAt);
  }
  return new Uint8Array(result);
}

/** A stream of `size` zero bytes, made without holding them all in memory. */
export function createZeroStream(size: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let remaining = size;
  return new Readable({
    read() {
      if (remaining <= 0) {
        this.push(null);
        return;
      }
      const length = Math.min(remaining, chunk.length);
      remaining -= length;
      this.push(length === chunk.length ? chunk : chunk.subarray(0, length));
    },
  });
}

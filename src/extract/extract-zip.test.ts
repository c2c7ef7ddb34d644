import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { extractZip } from './extract-zip.js';
import { createTestContext } from './test-support/create-test-context.js';
import { errorFrom } from './test-support/error-from.js';
import {
  createZeroStream,
  makeZip,
  markZipEntriesEncrypted,
  renameZipEntry,
} from './test-support/make-zip.js';

const mebibyte = 1024 * 1024;

function setDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  // Rewrites the uncompressed size in the central directory, which is what readers trust.
  const result = Buffer.from(zip);
  const at = result.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
  result.writeUInt32LE(size, at + 24);
  return new Uint8Array(result);
}

describe('extractZip()', () => {
  it('returns every file as a child document and skips folders', async () => {
    const zipfile = new yazl.ZipFile();
    zipfile.addEmptyDirectory('papers');
    zipfile.addBuffer(Buffer.from('Minutes.'), 'papers/minutes.txt');
    zipfile.addBuffer(Buffer.from('Agenda.'), 'agenda.txt', { compress: false });
    zipfile.end();
    const chunks: Buffer[] = [];
    for await (const chunk of zipfile.outputStream) chunks.push(chunk as Buffer);
    const result = await extractZip(
      new Uint8Array(Buffer.concat(chunks)),
      createTestContext('a.zip'),
    );
    expect(result.type).toBe('zip');
    expect(result.pages).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(
      result.children.map((child) => [child.name, Buffer.from(child.bytes).toString()]),
    ).toEqual([
      ['papers/minutes.txt', 'Minutes.'],
      ['agenda.txt', 'Agenda.'],
    ]);
  });

  it('returns a nested archive as a child without opening it', async () => {
    const inner = await makeZip([{ name: 'deep.txt', content: 'Deep.' }]);
    const outer = await makeZip([{ name: 'inner.zip', content: inner }]);
    const result = await extractZip(outer, createTestContext('outer.zip'));
    expect(result.children).toHaveLength(1);
    expect(Buffer.from(result.children[0]?.bytes ?? []).equals(Buffer.from(inner))).toBe(true);
  });

  it('returns an empty archive with no children', async () => {
    const result = await extractZip(await makeZip([]), createTestContext('empty.zip'));
    expect(result.children).toEqual([]);
  });

  it('refuses an entry of 300 MB of zeros as archive_limit, with the default limits', async () => {
    const bomb = await makeZip([{ name: 'zeros.bin', content: createZeroStream(300 * mebibyte) }]);
    expect(bomb.length).toBeLessThan(mebibyte);
    const rssBefore = process.memoryUsage().rss;
    expect(await errorFrom(() => extractZip(bomb, createTestContext('bomb.zip')))).toMatchObject({
      code: 'archive_limit',
      message:
        'Cannot read "bomb.zip": its contents would exceed the 200 MB limit on uncompressed size',
    });
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * mebibyte);
  });

  it('refuses an entry that expands more than 100 times, with the default limits', async () => {
    const bomb = await makeZip([{ name: 'zeros.bin', content: createZeroStream(20 * mebibyte) }]);
    expect(await errorFrom(() => extractZip(bomb, createTestContext('bomb.zip')))).toMatchObject({
      code: 'archive_limit',
      message:
        'Cannot read "bomb.zip": the entry "zeros.bin" expands to more than 100 times its compressed size, which is how zip bombs work',
    });
  });

  it('accepts a highly compressible entry under 1 MiB', async () => {
    const zip = await makeZip([{ name: 'zeros.bin', content: Buffer.alloc(mebibyte) }]);
    const result = await extractZip(zip, createTestContext('small.zip'));
    expect(result.children[0]?.bytes.length).toBe(mebibyte);
  });

  it('refuses many entries whose total exceeds the size limit', async () => {
    const entries = Array.from({ length: 20 }, (_, index) => ({
      name: `part-${index}.bin`,
      content: randomBytes(100 * 1024),
    }));
    const zip = await makeZip(entries);
    const context = createTestContext('many.zip', { maxArchiveTotalBytes: mebibyte });
    expect(await errorFrom(() => extractZip(zip, context))).toMatchObject({
      code: 'archive_limit',
      message:
        'Cannot read "many.zip": its contents would exceed the 1 MB limit on uncompressed size',
    });
    expect(context.budget.remainingBytes).toBeGreaterThanOrEqual(0);
  });

  it('shares the budget between archives read with it', async () => {
    const zip = await makeZip([{ name: 'part.bin', content: randomBytes(600 * 1024) }]);
    const context = createTestContext('part.zip', { maxArchiveTotalBytes: mebibyte });
    await extractZip(zip, context);
    expect(context.budget.remainingBytes).toBe(mebibyte - 600 * 1024);
    expect(await errorFrom(() => extractZip(zip, context))).toMatchObject({
      code: 'archive_limit',
    });
  });

  it('refuses an archive with more entries than allowed', async () => {
    const entries = Array.from({ length: 10 }, (_, index) => ({
      name: `${index}.txt`,
      content: 'x',
    }));
    const context = createTestContext('many.zip', { maxArchiveEntries: 5 });
    expect(await errorFrom(async () => extractZip(await makeZip(entries), context))).toMatchObject({
      code: 'archive_limit',
      message: 'Cannot read "many.zip": its contents would exceed the limit of 5 entries',
    });
  });

  it('does not trust a header that understates the size of an entry', async () => {
    const zip = await makeZip([{ name: 'zeros.bin', content: createZeroStream(5 * mebibyte) }]);
    const lying = setDeclaredSize(zip, 1000);
    const error = await errorFrom(() => extractZip(lying, createTestContext('liar.zip')));
    expect(error).toMatchObject({ code: 'damaged' });
  });

  it('reads an entry named ../../etc/passwd in memory, with an unsafe_entry_name warning', async () => {
    const zip = await makeZip([{ name: 'xx/xx/etc/passwd', content: 'root:x:0:0' }]);
    const result = await extractZip(
      renameZipEntry(zip, 'xx/xx/etc/passwd', '../../etc/passwd'),
      createTestContext('evil.zip'),
    );
    expect(result.children).toEqual([
      { name: '../../etc/passwd', bytes: Buffer.from('root:x:0:0') },
    ]);
    expect(result.warnings).toEqual([
      {
        code: 'unsafe_entry_name',
        message: 'The entry "../../etc/passwd" has an unsafe path; it was read in memory only',
      },
    ]);
  });

  it('flags absolute entry names as unsafe', async () => {
    const zip = await makeZip([{ name: 'xetc/shadow', content: 'secret' }]);
    const result = await extractZip(
      renameZipEntry(zip, 'xetc/shadow', '/etc/shadow'),
      createTestContext('evil.zip'),
    );
    expect(result.children[0]?.name).toBe('/etc/shadow');
    expect(result.warnings[0]?.code).toBe('unsafe_entry_name');
  });

  describe('with a working folder', () => {
    let folder: string;

    beforeEach(async () => {
      folder = await mkdtemp(join(tmpdir(), 'simwatch-zip-'));
    });

    afterEach(async () => {
      await rm(folder, { recursive: true, force: true });
    });

    it('writes nothing to disk for an entry whose path escapes upwards', async () => {
      const escape = `../../simwatch-escape-${randomUUID()}.txt`;
      const placeholder = escape.replaceAll('..', 'xx');
      const zip = renameZipEntry(
        await makeZip([{ name: placeholder, content: 'x' }]),
        placeholder,
        escape,
      );
      const result = await extractZip(zip, createTestContext(join(folder, 'evil.zip')));
      expect(result.children[0]?.name).toBe(escape);
      expect(await readdir(folder)).toEqual([]);
      for (const base of [folder, process.cwd(), tmpdir()]) {
        expect(existsSync(resolve(base, escape))).toBe(false);
      }
    });
  });

  it('skips an encrypted entry with a warning and reads the rest', async () => {
    const zip = await makeZip([
      { name: 'secret.txt', content: 'Secret.' },
      { name: 'open.txt', content: 'Open.' },
    ]);
    const result = await extractZip(
      markZipEntriesEncrypted(zip, ['secret.txt']),
      createTestContext('mixed.zip'),
    );
    expect(result.children.map((child) => child.name)).toEqual(['open.txt']);
    expect(result.warnings).toEqual([
      { code: 'skipped_entry', message: 'Skipped "secret.txt": it is encrypted' },
    ]);
  });

  it('refuses an archive whose entries are all encrypted as encrypted', async () => {
    const zip = await makeZip([{ name: 'secret.txt', content: 'Secret.' }]);
    const encrypted = markZipEntriesEncrypted(zip, ['secret.txt']);
    expect(
      await errorFrom(() => extractZip(encrypted, createTestContext('secret.zip'))),
    ).toMatchObject({
      code: 'encrypted',
      message: 'Cannot read "secret.zip": the archive is encrypted',
    });
  });

  it('refuses a corrupt or truncated archive as damaged', async () => {
    const garbage = new Uint8Array(Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(2000)]));
    const zip = await makeZip([{ name: 'minutes.txt', content: randomBytes(4000) }]);
    for (const bytes of [garbage, zip.subarray(0, zip.length - 30)]) {
      const error = await errorFrom(() => extractZip(bytes, createTestContext('broken.zip')));
      expect(error).toMatchObject({ code: 'damaged' });
      expect((error as Error).message).toMatch(
        /^Cannot read "broken.zip": the archive is damaged \(/,
      );
    }
  });
});

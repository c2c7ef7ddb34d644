import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import type { DocumentScreening } from './document-screening.js';
import { screenDocument, screenFile } from './screen-document.js';
import { createScreeningEngine } from './screening-engine.js';

const engine = createScreeningEngine();
const practice = 'Serenity Integrated Mentoring was introduced in the borough in 2019.';

async function collect(results: AsyncGenerator<DocumentScreening>): Promise<DocumentScreening[]> {
  const all: DocumentScreening[] = [];
  for await (const result of results) all.push(result);
  return all;
}

function zipOf(entries: Record<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of Object.entries(entries)) zip.addBuffer(Buffer.from(text), name);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    zip.outputStream.on('error', reject);
  });
}

describe('screenDocument()', () => {
  it('screens a text document and hashes its bytes', async () => {
    const [result] = await collect(screenDocument(Buffer.from(practice), 'a.txt', { engine }));
    expect(result).toMatchObject({
      path: 'a.txt',
      parent: null,
      type: 'text',
      pages: 1,
      labels: ['sim_named'],
      error: null,
    });
    expect(result?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(result?.catalogueVersion).toBe(engine.catalogueVersion);
  });

  it('yields the archive first, then each member with its parent', async () => {
    const bytes = await zipOf({
      'minutes.txt': 'The Board noted the finance report.',
      'plan.txt': practice,
    });
    const results = await collect(screenDocument(bytes, 'bundle.zip', { engine }));
    expect(results.map((result) => [result.path, result.parent, result.labels])).toEqual([
      ['bundle.zip', null, []],
      ['bundle.zip!/minutes.txt', 'bundle.zip', []],
      ['bundle.zip!/plan.txt', 'bundle.zip', ['sim_named']],
    ]);
  });

  it('turns unreadable content into a per-document error', async () => {
    const [result] = await collect(screenDocument(new Uint8Array(), 'empty.txt', { engine }));
    expect(result?.error?.code).toBe('empty_file');
    expect(result?.findings).toEqual([]);
  });
});

describe('screenFile()', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'simwatch-screen-file-'));
    await writeFile(join(folder, 'plan.txt'), practice);
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it('reads and screens a file', async () => {
    const [result] = await collect(screenFile(join(folder, 'plan.txt'), { engine }));
    expect(result?.labels).toEqual(['sim_named']);
  });

  it('reports a missing file as unreadable without a hash', async () => {
    const [result] = await collect(screenFile(join(folder, 'missing.pdf'), { engine }));
    expect(result).toMatchObject({ sha256: null, error: { code: 'unreadable' } });
  });
});

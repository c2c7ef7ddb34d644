import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { prepareBenchCorpus, type BenchCorpusSpec } from './prepare-bench-corpus.js';

const spec: BenchCorpusSpec = {
  seed: 7,
  textBytes: 40_000,
  textFileBytes: 15_000,
  pdfFiles: 1,
  pagesPerPdf: 2,
  charsPerPage: 3_000,
};
const folders: string[] = [];

async function prepare(into?: string) {
  const folder = into ?? (await mkdtemp(join(tmpdir(), 'simwatch-bench-')));
  folders.push(folder);
  return prepareBenchCorpus(folder, spec);
}

const digest = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe('prepareBenchCorpus()', () => {
  it('generates at least the asked-for text, in files of about the asked-for size', async () => {
    const corpus = await prepare();
    expect(corpus.reused).toBe(false);
    expect(corpus.textBytes).toBeGreaterThanOrEqual(spec.textBytes);
    expect(corpus.textFiles).toHaveLength(3);
    expect((await stat(corpus.textFiles[0] ?? '')).size).toBeGreaterThanOrEqual(spec.textFileBytes);
    expect(corpus.pdfFiles).toHaveLength(1);
    expect(corpus.pdfPages).toBe(2);
  });

  it('makes the same text for the same seed, and reuses a corpus already made', async () => {
    const first = await prepare();
    const second = await prepare();
    expect(await digest(second.textFiles[2] ?? '')).toBe(await digest(first.textFiles[2] ?? ''));
    const again = await prepareBenchCorpus(join(first.folder, '..'), spec);
    expect(again).toMatchObject({ reused: true, textFiles: first.textFiles });
  });
});

import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeScannedPage, makeScannedPdf } from '../ocr/scanned-pages/make-scanned-page.js';
import { runCli, type CliRun } from './test-support/run-cli.js';

// The compiled CLI (dist/) on scanned documents: a PDF of page images with no text layer, a PNG.
const planted =
  'A police officer attends the monthly high intensity panel to agree response plans for each person on the caseload.';
const ordinary =
  'The board received the quarterly finance report and approved the estates strategy.';

interface Record {
  path: string;
  type: string | null;
  pages: number;
  unreadPages: number;
  ocrPages: number;
  findings: {
    label: string;
    page: number | null;
    ocr: { engine: string; confidence: number } | null;
  }[];
  warnings: { code: string; page?: number; message: string }[];
}

let root: string;
let docs: string;
let cache: string;
let withOcr: CliRun;

const records = (run: CliRun) =>
  run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record);
const byName = (run: CliRun, name: string) =>
  records(run).find((record) => record.path.endsWith(name));
const screen = (...args: string[]) =>
  runCli(['screen', docs, '--jobs', '2', ...args], { env: { SIMWATCH_OCR_CACHE: cache } });

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'simwatch-cli-ocr-'));
  docs = join(root, 'docs');
  cache = join(root, 'ocr-cache');
  await mkdir(docs);
  await writeFile(join(docs, 'reply.pdf'), await makeScannedPdf([ordinary, planted]));
  await writeFile(join(docs, 'letter.png'), (await makeScannedPage(ordinary, { seed: 5 })).png);
  await writeFile(join(docs, 'notes.txt'), `${ordinary}\n`);
  withOcr = await screen('--format', 'jsonl');
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('simwatch screen on scanned documents', () => {
  it('finds a planted sentence on a scanned page by OCR, marked with the engine and confidence', () => {
    expect(withOcr.status).toBe(0);
    const reply = byName(withOcr, 'reply.pdf');
    expect(reply).toMatchObject({
      type: 'pdf',
      pages: 2,
      ocrPages: 2,
      unreadPages: 0,
      warnings: [],
    });
    const police = reply?.findings.find((finding) => finding.label === 'police_in_care');
    expect(police?.page).toBe(2);
    expect(police?.ocr?.engine).toMatch(/^tesseract\.js 7\.\d+\.\d+ \(eng 4\.0\.0\)$/);
    expect(police?.ocr?.confidence).toBeGreaterThan(80);
    expect(byName(withOcr, 'letter.png')).toMatchObject({
      type: 'image',
      pages: 1,
      ocrPages: 1,
      unreadPages: 0,
      findings: [],
    });
    expect(byName(withOcr, 'notes.txt')).toMatchObject({ ocrPages: 0, unreadPages: 0 });
  });

  it('keeps what OCR read in the cache folder, one entry per page', async () => {
    const entries = await readdir(cache, { recursive: true });
    expect(entries.filter((entry) => entry.endsWith('.json'))).toHaveLength(3);
  });

  it('says in the text summary which pages were read by OCR and marks the finding', async () => {
    const run = await screen('--no-color');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('reply.pdf (pdf, 2 pages, 2 read by OCR): police_in_care');
    expect(run.stdout).toMatch(/police_in_care, page 2 \(read by OCR, confidence \d+%\)/);
    expect(run.stdout).toMatch(
      /Screened 3 documents \(3 pages read by OCR\): 1 with findings, 0 could not be screened\./,
    );
  }, 300_000);

  it('with --no-ocr finds nothing, and the summary counts the pages not read rather than reading as clean', async () => {
    const run = await screen('--no-ocr', '--no-color');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('reply.pdf (pdf, 2 pages): no findings; 2 pages not read');
    expect(run.stdout).toContain('letter.png (image, 1 page): no findings; 1 page not read');
    expect(run.stdout).toContain('Warning: Page 1 is an image; it needs OCR to be screened');
    expect(run.stdout).toContain(
      'Screened 3 documents: 0 with findings, 2 with 3 pages not read (no text layer; OCR off), 0 could not be screened.',
    );
    const json = await screen('--no-ocr', '--format', 'jsonl');
    expect(byName(json, 'reply.pdf')).toMatchObject({ unreadPages: 2, ocrPages: 0, findings: [] });
  }, 300_000);

  it('counts a page that runs out of OCR time as not read, with an ocr_failed warning', async () => {
    const run = await runCli(
      ['screen', join(docs, 'letter.png'), '--ocr-timeout', '0.001', '--format', 'jsonl'],
      { env: { SIMWATCH_OCR_CACHE: 'off' } },
    );
    expect(run.status).toBe(0);
    expect(records(run)[0]).toMatchObject({
      unreadPages: 1,
      ocrPages: 0,
      warnings: [
        {
          code: 'ocr_failed',
          page: 1,
          message:
            'Page 1 has no text layer and OCR could not read it: it took longer than 0.001 seconds',
        },
      ],
    });
  }, 300_000);
});

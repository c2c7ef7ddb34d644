import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeTextPdf } from '../extract/test-support/make-pdf.js';
import { makeZip } from '../extract/test-support/make-zip.js';
import { parseCsv } from './test-support/parse-csv.js';
import { runCli, type CliRun } from './test-support/run-cli.js';

// These tests run the compiled CLI (dist/, rebuilt by the global setup when stale) on real files.
// They assert features the engine clearly shows, not its fine scoring, which is still being tuned.
const clear =
  'Serenity Integrated Mentoring (SIM) was adopted by the Trust in 2019 and the SIM team now ' +
  'includes a police officer embedded in the community mental health team.';
const neutral =
  'The board received the quarterly finance report and approved the estates strategy. ' +
  'Community mental health teams will recruit four more nurses next year.';

interface Record {
  path: string;
  parent: string | null;
  sha256: string | null;
  type: string | null;
  pages: number;
  labels: string[];
  findings: { label: string; page: number | null; excerpt: string; start: number; end: number }[];
  error: { code: string; message: string } | null;
}

let root: string;
let docs: string;
let jsonlRun: CliRun;

const lines = (run: CliRun) =>
  run.stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record);
const byName = (records: Record[], name: string) =>
  records.find((record) => record.path.endsWith(name));

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'simwatch-cli-'));
  docs = join(root, 'docs');
  await mkdir(join(docs, '.git'), { recursive: true });
  const noise = new Uint8Array(4096).map((_, index) => (index * 7919 + 13) % 256);
  await Promise.all([
    writeFile(join(docs, 'clear.txt'), `${clear}\n`),
    writeFile(join(docs, 'neutral.txt'), `${neutral}\n`),
    writeFile(
      join(docs, 'page.html'),
      `<html><body><h1>Policy</h1><p>${clear}</p><script>var x = 1;</script></body></html>`,
    ),
    writeFile(join(docs, 'report.pdf'), await makeTextPdf([neutral, clear])),
    writeFile(join(docs, 'bundle.zip'), await makeZip([{ name: 'inner.txt', content: clear }])),
    writeFile(join(docs, 'empty.txt'), ''),
    writeFile(join(docs, 'noise.bin'), noise),
    writeFile(join(docs, '.git', 'config'), clear),
  ]);
  jsonlRun = await runCli(
    [
      'screen',
      docs,
      join(root, 'missing.txt'),
      '-',
      '--format',
      'jsonl',
      '--fail-on',
      'sim_named',
      '--jobs',
      '2',
    ],
    { input: neutral },
  );
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('simwatch screen', () => {
  it('prints one jsonl line per document, in input order, with children after their parent', () => {
    expect(jsonlRun.stderr).toBe('');
    const paths = lines(jsonlRun).map((record) => record.path.replace(`${root}/`, ''));
    expect(paths).toEqual([
      'docs/bundle.zip',
      'docs/bundle.zip!/inner.txt',
      'docs/clear.txt',
      'docs/empty.txt',
      'docs/neutral.txt',
      'docs/noise.bin',
      'docs/page.html',
      'docs/report.pdf',
      'missing.txt',
      '-',
    ]);
  });

  it('exits with status 1 when a --fail-on label is found', () => {
    expect(jsonlRun.status).toBe(1);
  });

  it('reports findings with their page, types, children and per-file errors', () => {
    const records = lines(jsonlRun);
    const pdf = byName(records, 'report.pdf');
    expect(pdf).toMatchObject({ type: 'pdf', pages: 2, error: null });
    expect(pdf?.labels).toEqual(expect.arrayContaining(['sim_named', 'police_in_care']));
    expect(pdf?.findings.length).toBeGreaterThan(0);
    expect(pdf?.findings.every((finding) => finding.page === 2)).toBe(true);
    expect(byName(records, 'clear.txt')?.findings[0]).toMatchObject({ page: null });
    expect(byName(records, 'page.html')).toMatchObject({ type: 'html' });
    expect(byName(records, 'page.html')?.labels).toContain('sim_named');
    expect(byName(records, 'bundle.zip')).toMatchObject({ type: 'zip', parent: null });
    expect(byName(records, 'inner.txt')).toMatchObject({
      parent: join(docs, 'bundle.zip'),
      type: 'text',
    });
    expect(byName(records, 'inner.txt')?.labels).toContain('sim_named');
    expect(byName(records, 'neutral.txt')).toMatchObject({ labels: [], findings: [], error: null });
    expect(byName(records, 'empty.txt')?.error?.code).toBe('empty_file');
    expect(byName(records, 'noise.bin')?.error?.code).toBe('unsupported_type');
    expect(byName(records, 'missing.txt')).toMatchObject({
      sha256: null,
      error: { code: 'unreadable' },
    });
    expect(byName(records, '-')).toMatchObject({ type: 'text', labels: [], error: null });
    expect(byName(records, '-')?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives the same jsonl with one worker as with two', async () => {
    const args = [
      'screen',
      docs,
      join(root, 'missing.txt'),
      '-',
      '--format',
      'jsonl',
      '--fail-on',
      'sim_named',
    ];
    const oneWorker = await runCli([...args, '--jobs', '1'], { input: neutral });
    expect(oneWorker.stdout).toBe(jsonlRun.stdout);
    expect(oneWorker.status).toBe(1);
  });

  it('prints CSV that parses back, one row per finding and a row for every document', async () => {
    const run = await runCli([
      'screen',
      docs,
      '--format',
      'csv',
      '--fail-on',
      'discrimination_hiu',
    ]);
    expect(run.status).toBe(0);
    const [header, ...rows] = parseCsv(run.stdout);
    expect(header?.slice(0, 6)).toEqual(['path', 'parent', 'sha256', 'type', 'pages', 'labels']);
    expect(rows.every((row) => row.length === header?.length)).toBe(true);
    const documents = new Set(rows.map((row) => row[0]?.replace(`${docs}/`, '')));
    expect([...documents].sort()).toEqual([
      'bundle.zip',
      'bundle.zip!/inner.txt',
      'clear.txt',
      'empty.txt',
      'neutral.txt',
      'noise.bin',
      'page.html',
      'report.pdf',
    ]);
    const column = (name: string) => header?.indexOf(name) ?? -1;
    const pdfFinding = rows.find(
      (row) => row[0]?.endsWith('report.pdf') && row[column('label')] === 'sim_named',
    );
    expect(pdfFinding?.[column('page')]).toBe('2');
    expect(pdfFinding?.[column('model_version')]).toMatch(/^\d{4}-\d{2}-\d{2}\.[0-9a-f]{8}$/);
    expect(rows.find((row) => row[0]?.endsWith('empty.txt'))?.[column('error_code')]).toBe(
      'empty_file',
    );
  });

  it('prints text with the matched words marked, and no colour when not on a terminal', async () => {
    const run = await runCli(['screen', join(docs, 'clear.txt')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/clear\.txt \(text, 1 page\): .*sim_named/);
    expect(run.stdout).toMatch(/«[^»]*(SIM|Serenity|police)[^»]*»/);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toMatch(/Screened 1 document: 1 with findings, 0 could not be screened\./);
  });

  it('reports no findings when --threshold is above every score', async () => {
    const run = await runCli([
      'screen',
      join(docs, 'clear.txt'),
      '--threshold',
      '0.99',
      '--format',
      'jsonl',
      '--fail-on',
      'sim_named',
    ]);
    expect(run.status).toBe(0);
    expect(lines(run)).toMatchObject([{ labels: [], findings: [] }]);
  });

  it.each([
    [
      ['screen', 'a.txt', '--threshold', 'abc'],
      'Cannot screen: --threshold must be a number from 0 to 1, not "abc"',
    ],
    [
      ['screen', 'a.txt', '--fail-on', 'serenity'],
      'Cannot screen: --fail-on has an unknown label "serenity"',
    ],
    [['screen'], 'Cannot screen: no files or folders given\nUsage: simwatch screen'],
    [['scren', 'a.txt'], 'Cannot run simwatch: unknown command "scren"'],
  ])('exits with status 2 for %j', async (args, message) => {
    const run = await runCli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(message)).toBe(true);
  });
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { sha256Of } from '../../store/blob-store.js';
import { listEvents } from '../../store/record-repository.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { listFindings } from '../findings/triage-repository.js';
import { loadSigningKey } from '../ledger/signing-key-file.js';
import { verifyLedger } from '../ledger/verify-ledger.js';
import type { OrganisationInput } from '../organisations/organisation.js';
import { importOrganisations } from '../organisations/organisations-service.js';
import { createReview, recordReturn } from '../reviews/reviews-service.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  useTestRegister,
} from '../test-support/test-register.js';
import {
  buildOpenData,
  type OpenData,
  type OpenDataTable,
  type OpenDataValue,
} from './build-open-data.js';
import { openDataTables } from './open-data-dictionary.js';
import { byteOrderMark, dictionaryFile, openDataFile } from './open-data-file.js';
import { findLatestOpenDataPublication, publishOpenData } from './publish-open-data.js';

const baseUrl = 'https://register.example.org';

// Awkward on purpose: curly quotes, commas, double quotes, line breaks, accents, a formula.
const awkwardTrust: OrganisationInput = {
  code: 'ZZT3',
  name: 'Ysbyty “Côte-d’Or”, Ærøskøbing & Łódź Partnership NHS Trust',
  kind: 'mental_health_trust',
  region: 'North, East',
  formerNames: ['Old "Quoted" Trust, Ltd', 'Ŵestmoor Trust'],
  sourceUrl: 'https://example.org/a?b=1,2',
};
const awkwardPolicy = [
  'Joint “crisis” plan, 2025',
  '',
  'Frequent callers cost the service over £400,000 a year\nand their demand must be reduced, “as agreed”.',
].join('\n');

/** Reads every entry of a zip into memory. */
async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const files = new Map<string, Buffer>();
  for (;;) {
    const entry = await new Promise<yauzl.Entry | null>((resolve, reject) => {
      zip.once('entry', resolve);
      zip.once('end', () => {
        resolve(null);
      });
      zip.once('error', reject);
      zip.readEntry();
    });
    for (const name of ['entry', 'end', 'error']) zip.removeAllListeners(name);
    if (entry === null) return files;
    const stream = await zip.openReadStreamPromise(entry);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    files.set(entry.fileName, Buffer.concat(chunks));
  }
}

/** What a CSV cell should read back as, written from the dictionary's rules (not the code's). */
function expectedCsvText(value: OpenDataValue): string {
  const oneLine = (text: string) => text.replace(/\r\n|\n|\r/g, ' / ');
  if (value === null) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? oneLine(value) : value.map(oneLine).join(' | ');
  return /^[=+\-@]/.test(text) ? `'${text}` : text;
}

function tableNamed(data: OpenData, name: string): OpenDataTable {
  const table = data.tables.find((each) => each.name === name);
  if (!table) throw new Error(`No table "${name}"`);
  return table;
}

// The python3 on the PATH, or Debian's own when only that one has pandas (python3-pandas).
const pythons = ['python3', '/usr/bin/python3'];
const pandasPython = pythons.find(
  (each) => spawnSync(each, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0,
);

function python(script: string, ...args: string[]) {
  return spawnSync(pandasPython ?? 'python3', ['-c', script, ...args], { encoding: 'utf8' });
}

const pandasWanted = process.env.SIMWATCH_TEST_PANDAS === '1';
const pandasPresent = pandasPython !== undefined;
if (!pandasPresent && !pandasWanted)
  console.warn(
    'Skipping the pandas check of the open data: python3 cannot import pandas (install python3-pandas, or set SIMWATCH_TEST_PANDAS=1 to make this a failure).',
  );

for (const database of testDatabases()) {
  describe(`open data from a register with awkward content, on ${database.name}`, () => {
    const register = useTestRegister(database);

    async function fillRegister(): Promise<OpenData> {
      const deps = register.deps();
      await importOrganisations(deps, [awkwardTrust], 'tester');
      const shared = await addTextDocument(deps, awkwardPolicy, {
        title: 'Joint “crisis” plan, with "quotes", commas, and Łódź',
        organisationCodes: ['ZZT1', 'ZZT3', 'ZZT2'],
        source: 'FOI 2025/1, "part 2"',
        public: false,
      });
      await addTextDocument(deps, northmoorPolicy, { fileName: 'northmoor.txt' });
      for (const finding of await listFindings(deps.database.db)) {
        if (finding.documentId === shared || finding.label === 'police_in_care')
          await confirmFinding(deps, finding.id);
      }
      await recordAssurance(
        deps,
        {
          organisationCode: 'ZZT3',
          givenOn: '2024-01-10',
          givenBy: 'Chief Executive, “the board”',
          scope: 'never_used',
          text: '=HYPERLINK("x") We have never used it.\nSigned, the board.\r\nNot “SIM”.',
          source: 'Letter, 2024',
        },
        'ana',
      );
      await createReview(deps, { name: 'Review, “2026”', openedOn: '2026-01-05' }, 'ana');
      await recordReturn(
        deps,
        {
          reviewName: 'Review, “2026”',
          organisationCode: 'ZZT3',
          responded: true,
          respondedOn: '2026-02-01',
          usedModel: true,
          continuingFeatures: ['police_in_care', 'coercion_sanctions'],
        },
        'ana',
      );
      await recordReturn(
        deps,
        { reviewName: 'Review, “2026”', organisationCode: 'ZZT1', responded: false },
        'ana',
      );
      return buildOpenData(deps.database.db, { baseUrl });
    }

    it('writes CSV that csv-parse reads back to the register, one line per row', async () => {
      const data = await fillRegister();
      for (const table of data.tables) {
        const csv = openDataFile(table, 'csv');
        expect(csv.startsWith(byteOrderMark), table.name).toBe(true);
        // No raw line break inside a value: each record is one line of the file.
        expect(csv.slice(1).split('\r\n'), table.name).toHaveLength(table.rows.length + 2);
        const parsed: string[][] = parse(csv, { bom: true });
        const [header, ...rows] = parsed;
        expect(header).toEqual(table.columns);
        expect(rows, table.name).toEqual(table.rows.map((row) => row.map(expectedCsvText)));
      }
    });

    it('publishes evidence as one row per organisation and finding, with names and absolute links', async () => {
      const data = await fillRegister();
      const db = register.deps().database.db;
      const pairs = await db
        .selectFrom('findings')
        .innerJoin(
          'document_organisations',
          'document_organisations.document_id',
          'findings.document_id',
        )
        .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
        .select([
          'findings.id',
          'findings.document_id',
          'findings.excerpt',
          'organisations.code',
          'organisations.name',
        ])
        .where('findings.status', '=', 'confirmed')
        .execute();
      const evidence = JSON.parse(openDataFile(tableNamed(data, 'evidence'), 'json')) as Record<
        string,
        unknown
      >[];
      const shared = pairs.filter((pair) => pair.code === 'ZZT3');
      expect(shared.length).toBeGreaterThan(0);
      expect(evidence).toHaveLength(pairs.length);
      for (const pair of pairs) {
        const row = evidence.find(
          (each) => each.finding_id === pair.id && each.organisation_code === pair.code,
        );
        expect(row, `${pair.id} ${pair.code}`).toMatchObject({
          organisation_name: pair.name,
          document_id: pair.document_id,
          finding_url: `${baseUrl}/documents/${pair.document_id}/findings/${pair.id}`,
          document_url: `${baseUrl}/documents/${pair.document_id}`,
          excerpt: redactExcerpt(pair.excerpt).text,
        });
      }
    });

    it('writes JSON with real types: arrays, booleans, numbers and null', async () => {
      const data = await fillRegister();
      const read = (name: string) =>
        JSON.parse(openDataFile(tableNamed(data, name), 'json')) as Record<string, unknown>[];
      const documents = read('documents');
      const shared = documents.find((row) => (row.title as string).includes('Łódź'));
      expect(shared).toMatchObject({
        public: false,
        organisation_codes: ['ZZT1', 'ZZT2', 'ZZT3'],
        organisation_names: [
          'Northmoor Mental Health NHS Trust',
          'Westmoor Partnership NHS Trust',
          awkwardTrust.name,
        ],
        source: 'FOI 2025/1, "part 2"',
      });
      expect(typeof shared?.id).toBe('number');
      expect(typeof shared?.pages).toBe('number');
      expect(read('organisations').find((row) => row.code === 'ZZT3')).toMatchObject({
        name: awkwardTrust.name,
        former_names: awkwardTrust.formerNames,
        page_url: `${baseUrl}/organisations/ZZT3`,
      });
      const returns = read('returns');
      expect(returns.find((row) => row.organisation_code === 'ZZT3')).toMatchObject({
        responded: true,
        used_model: true,
        continuing_features: ['police_in_care', 'coercion_sanctions'],
      });
      expect(returns.find((row) => row.organisation_code === 'ZZT1')).toMatchObject({
        responded: false,
        used_model: null,
        continuing_features: [],
      });
      const [assurance] = read('assurances');
      expect(assurance?.text).toBe(
        '=HYPERLINK("x") We have never used it.\nSigned, the board.\r\nNot “SIM”.',
      );
      expect(Array.isArray(read('statuses')[0]?.reasons)).toBe(true);
      for (const table of data.tables)
        for (const row of read(table.name))
          for (const value of Object.values(row))
            expect(['string', 'number', 'boolean', 'object']).toContain(typeof value);
    });

    it('writes CSV that Python’s csv module, and pandas with no options, read back', async () => {
      const data = await fillRegister();
      const folder = await mkdtemp(join(tmpdir(), 'simwatch-open-data-'));
      try {
        for (const table of data.tables)
          await writeFile(join(folder, `${table.name}.csv`), openDataFile(table, 'csv'));
        await writeFile(join(folder, 'data-dictionary.csv'), dictionaryFile('csv'));
        const names = data.tables.map((table) => table.name);
        const viaCsvModule = python(
          [
            'import csv, json, sys',
            'out = {}',
            'for name in sys.argv[2:]:',
            '    with open(f"{sys.argv[1]}/{name}.csv", encoding="utf-8-sig", newline="") as f:',
            '        out[name] = list(csv.reader(f))',
            'print(json.dumps(out))',
          ].join('\n'),
          folder,
          ...names,
        );
        expect(viaCsvModule.stderr).toBe('');
        const read = JSON.parse(viaCsvModule.stdout) as Record<string, string[][]>;
        for (const table of data.tables)
          expect(read[table.name], table.name).toEqual([
            table.columns,
            ...table.rows.map((row) => row.map(expectedCsvText)),
          ]);

        if (!pandasPresent && !pandasWanted) return;
        const viaPandas = python(
          [
            'import json, sys, pandas',
            'out = {}',
            'for name in sys.argv[2:] + ["data-dictionary"]:',
            '    frame = pandas.read_csv(f"{sys.argv[1]}/{name}.csv")',
            '    out[name] = {"columns": list(frame.columns), "rows": len(frame),',
            '                 "values": json.loads(frame.to_json(orient="values"))}',
            'print(json.dumps(out))',
          ].join('\n'),
          folder,
          ...names,
        );
        expect(viaPandas.status, viaPandas.stderr).toBe(0);
        const frames = JSON.parse(viaPandas.stdout) as Record<
          string,
          { columns: string[]; rows: number; values: unknown[][] }
        >;
        for (const table of data.tables) {
          const frame = frames[table.name];
          expect(frame?.columns, table.name).toEqual(table.columns);
          expect(frame?.rows, table.name).toBe(table.rows.length);
          // Text pandas reads as text is exactly the CSV's; it reads true/false as booleans.
          table.rows.forEach((row, r) => {
            row.forEach((value, c) => {
              const got = frame?.values[r]?.[c];
              if (typeof value === 'boolean') expect(got).toBe(value);
              else if (typeof value === 'number') expect(Number(got)).toBeCloseTo(value, 10);
              else if (value !== null && typeof got === 'string')
                expect(got).toBe(expectedCsvText(value));
            });
          });
        }
        expect(frames['data-dictionary']?.rows).toBe(
          openDataTables.reduce((sum, table) => sum + table.columns.length, 0),
        );
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    });

    it('publishes one zip of every file, whose SHA-256 the signed record holds', async () => {
      await fillRegister();
      const deps = register.deps();
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: true });
      const { publication, zip } = await publishOpenData(
        deps,
        { baseUrl, publicKeyPem: key.publicKeyPem },
        'ana',
      );
      expect(publication.sha256).toBe(sha256Of(zip));
      expect(await deps.blobs.find(publication.sha256)).toEqual(zip);
      expect(await findLatestOpenDataPublication(deps.database.db)).toEqual(publication);

      const files = await readZip(zip);
      const data = await buildOpenData(deps.database.db, { baseUrl });
      const expected = [
        ...data.tables.flatMap((table) => [`${table.name}.csv`, `${table.name}.json`]),
        'data-dictionary.csv',
        'data-dictionary.json',
        'figures.json',
        'record-public-key.pem',
      ].sort();
      expect([...files.keys()].sort()).toEqual(expected);
      expect(publication.files.map((file) => file.name).sort()).toEqual(expected);
      for (const file of publication.files)
        expect(sha256Of(files.get(file.name) ?? Buffer.alloc(0)), file.name).toBe(file.sha256);
      // The zip is the register before its publication was recorded: the evidence is the same.
      const evidence = data.tables.find((table) => table.name === 'evidence');
      if (evidence)
        expect(files.get('evidence.csv')?.toString('utf8')).toBe(openDataFile(evidence, 'csv'));

      const events = [];
      for await (const event of listEvents(deps.database.db)) events.push(event);
      const recorded = events.find((event) => event.type === 'open-data.published');
      expect(recorded?.payload).toMatchObject({ publication: { sha256: publication.sha256 } });
      const verdict = await verifyLedger(deps.database.db, key);
      expect(verdict.ok, JSON.stringify(verdict)).toBe(true);
    });
  });
}

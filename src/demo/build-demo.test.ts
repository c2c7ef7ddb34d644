import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import { listFindings } from '../register/findings/triage-repository.js';
import { loadOrganisationFacts } from '../register/load-organisation-facts.js';
import { computeNationalFigures, deriveStatus, statusOrder } from '../register/status/index.js';
import { testDatabases } from '../test-support/register-databases.js';
import { buildDemo, type DemoSummary } from './build-demo.js';
import { demoBanner, demoPlan } from './demo-plan.js';
import { renderDemoPdf } from './render-demo-pdf.js';

for (const database of testDatabases()) {
  describe(`buildDemo() on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;
    let summary: DemoSummary;

    beforeAll(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      deps = await createAppDeps(created.config, { now: () => new Date('2026-11-20T10:00:00Z') });
      summary = await buildDemo(deps, 'demo-builder');
    });

    afterAll(async () => {
      await deps.close();
      await cleanUp();
    });

    it('adds at least 12 organisations, every one coded DEMO-', async () => {
      const organisations = await deps.database.db
        .selectFrom('organisations')
        .select('code')
        .execute();
      expect(organisations.length).toBeGreaterThanOrEqual(12);
      expect(organisations.every((row) => row.code.startsWith('DEMO-'))).toBe(true);
      expect(summary.organisations).toBe(organisations.length);
    });

    it('decides findings only by reviewer accounts, none of which can sign in', async () => {
      const reviewers = await deps.database.db
        .selectFrom('decisions')
        .select('reviewer')
        .distinct()
        .orderBy('reviewer')
        .execute();
      expect(reviewers.map((row) => row.reviewer)).toEqual([
        'reviewer-a',
        'reviewer-b',
        'reviewer-c',
      ]);
      const accounts = await deps.database.db
        .selectFrom('users')
        .select(['username', 'role', 'password_hash'])
        .orderBy('username')
        .execute();
      expect(accounts).toEqual(
        ['reviewer-a', 'reviewer-b', 'reviewer-c'].map((username) => ({
          username,
          role: 'reviewer',
          password_hash: '',
        })),
      );
    });

    it('ingests at least 6 multi-page PDFs whose findings carry page numbers', async () => {
      const pdfs = await deps.database.db
        .selectFrom('documents')
        .select(['id', 'page_count'])
        .where('media_type', '=', 'pdf')
        .execute();
      expect(pdfs.length).toBeGreaterThanOrEqual(6);
      expect(pdfs.every((pdf) => pdf.page_count > 1)).toBe(true);
      const pdfIds = new Set(pdfs.map((pdf) => pdf.id));
      const inPdfs = (await listFindings(deps.database.db)).filter((finding) =>
        pdfIds.has(finding.documentId),
      );
      expect(inPdfs.length).toBeGreaterThan(0);
      expect(inPdfs.every((finding) => finding.page !== null)).toBe(true);
      expect(inPdfs.some((finding) => (finding.page ?? 0) > 1)).toBe(true);
    });

    it('leaves findings in every review state, with confirmed evidence among them', async () => {
      const findings = await listFindings(deps.database.db);
      const states = new Set(findings.map((finding) => finding.status));
      expect([...states].sort()).toEqual(['confirmed', 'in_discussion', 'pending', 'rejected']);
      expect(summary.confirmed).toBe(
        findings.filter((finding) => finding.status === 'confirmed').length,
      );
      expect(summary.confirmed).toBeGreaterThan(0);
    });

    it('gives every status, including a contradicted assurance', async () => {
      const facts = await loadOrganisationFacts(deps.database.db);
      const statuses = new Map(
        facts.map((fact) => [fact.organisation.code, deriveStatus(fact).status]),
      );
      expect(new Set(statuses.values())).toEqual(new Set(statusOrder));
      // The planned contradiction: "ended on 2021-03-31", then a 2023 board paper.
      expect(statuses.get('DEMO-T01')).toBe('contradicted');
      expect(summary.contradictions).toBeGreaterThan(0);
    });

    it('gives non-zero national figures', async () => {
      const figures = computeNationalFigures(await loadOrganisationFacts(deps.database.db));
      expect(figures).toMatchObject({ organisations: summary.organisations });
      expect(figures.asked).toBeGreaterThan(0);
      expect(figures.responded).toBeGreaterThan(0);
      expect(figures.usedModel).toBeGreaterThan(0);
      expect(figures.continuing).toBeGreaterThan(0);
      expect(figures.contradicted).toBeGreaterThan(0);
    });

    it('refuses to build a second time into the same register', async () => {
      const refusal = buildDemo(deps, 'demo-builder');
      await expect(refusal).rejects.toMatchObject({ code: 'conflict' });
      await expect(refusal).rejects.toThrow(
        /^Cannot build the demonstration register: the register is not empty/,
      );
    });
  });
}

describe('renderDemoPdf()', () => {
  it('gives the same bytes every time', async () => {
    const pages = [{ heading: 'A heading', paragraphs: ['Some text.', 'More text.'] }];
    const options = { title: 'Test', date: '2022-01-31', banner: demoBanner };
    const first = await renderDemoPdf(pages, options);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.from(await renderDemoPdf(pages, options)).equals(Buffer.from(first))).toBe(true);
  });
});

// The reference lists of real organisations, kept in the repository with their sources.
const referenceFolder = fileURLToPath(new URL('../../reference-data/', import.meta.url));

describe('the demonstration plan', () => {
  it('names no real organisation and reuses no real code', async () => {
    const real = await readReferenceNamesAndCodes(referenceFolder);
    expect(real.size).toBeGreaterThan(50);
    const text = [
      ...demoPlan.organisations.map((organisation) => organisation.name),
      ...demoPlan.documents.flatMap((document) => [
        document.title,
        ...document.pages.flatMap((page) => [page.heading, ...page.paragraphs]),
      ]),
      ...demoPlan.assurances.map((assurance) => `${assurance.givenBy} ${assurance.text}`),
    ]
      .join('\n')
      .toLowerCase();
    for (const organisation of demoPlan.organisations) {
      expect(real.has(organisation.code.toLowerCase())).toBe(false);
      expect(real.has(organisation.name.toLowerCase())).toBe(false);
    }
    const named = [...real].filter((value) => value.length > 12 && text.includes(value));
    expect(named).toEqual([]);
  });

  it('codes every organisation DEMO- and refers only to planned organisations', () => {
    const codes = new Set(demoPlan.organisations.map((organisation) => organisation.code));
    expect([...codes].every((code) => code.startsWith('DEMO-'))).toBe(true);
    const referred = [
      ...demoPlan.documents.flatMap((document) => document.organisationCodes),
      ...demoPlan.links.flatMap((link) => [link.code, link.linkedCode]),
      ...demoPlan.returns.map((each) => each.organisationCode),
      ...demoPlan.assurances.map((assurance) => assurance.organisationCode),
    ];
    expect(referred.filter((code) => !codes.has(code))).toEqual([]);
  });
});

/** Every name and code in the reference CSVs, lower-cased. */
async function readReferenceNamesAndCodes(folder: string): Promise<Set<string>> {
  const values = new Set<string>();
  for (const file of (await readdir(folder)).filter((name) => name.endsWith('.csv'))) {
    const rows: Record<string, string | undefined>[] = parse(
      await readFile(`${folder}${file}`, 'utf8'),
      { columns: true, skip_empty_lines: true, bom: true },
    );
    for (const row of rows)
      for (const column of ['ods_code', 'id', 'name']) {
        const value = row[column]?.trim();
        if (value) values.add(value.toLowerCase());
      }
  }
  return values;
}

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import { traceExcerpt } from '../coproduction/marking/trace-excerpt.js';
import {
  getAgreement,
  getJointDocuments,
  getPublication,
  getVersion,
  listAccess,
  listActions,
  listMarkedDownloads,
  listMeetings,
} from '../register/coproduction/coproduction-repository.js';
import { listFindings } from '../register/findings/triage-repository.js';
import { loadSigningKey } from '../register/ledger/signing-key-file.js';
import { verifyLedger } from '../register/ledger/verify-ledger.js';
import { loadOrganisationFacts } from '../register/load-organisation-facts.js';
import { computeNationalFigures, deriveStatus, statusOrder } from '../register/status/index.js';
import { testDatabases } from '../test-support/register-databases.js';
import { demoAgreementFiles } from './build-demo-agreement.js';
import { buildDemo, type DemoSummary } from './build-demo.js';
import { demoAlteredLetter, demoLeaker, demoParties } from './demo-agreement-plan.js';
import { demoBanner, demoPlan } from './demo-plan.js';
import { renderDemoPdf } from './render-demo-pdf.js';

for (const database of testDatabases()) {
  describe(`buildDemo() on ${database.name}`, () => {
    let deps: AppDeps;
    let cleanUp: () => Promise<void>;
    let summary: DemoSummary;
    let folder: string;

    beforeAll(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      deps = await createAppDeps(created.config, { now: () => new Date('2026-11-20T10:00:00Z') });
      folder = await mkdtemp(join(tmpdir(), 'simwatch-demo-'));
      summary = await buildDemo(deps, 'demo-builder', { folder });
    });

    afterAll(async () => {
      await deps.close();
      await cleanUp();
      await rm(folder, { recursive: true, force: true });
    });

    it('passes ledger verify, co-production events and all', async () => {
      const key = await loadSigningKey(deps.config.signingKeyPath, { create: false });
      const verdict = await verifyLedger(deps.database.db, key, { blobs: deps.blobs });
      expect(verdict).toMatchObject({ ok: true });
    });

    it('sets up an agreement between two parties of two members each, its terms adopted by both', async () => {
      const agreement = await getAgreement(deps.database.db, summary.agreement.agreementId);
      expect(agreement.state).toBe('active');
      expect(agreement.terms.adoptedAt).not.toBeNull();
      expect(agreement.parties.map((party) => party.members.map((m) => m.username))).toEqual(
        demoParties.map((party) => party.members.map((m) => m.username)),
      );
      const [policy] = await getJointDocuments(deps.database.db, agreement.id);
      expect(policy?.versions.map((version) => version.number)).toEqual([1, 2, 3, 4, 5]);
    });

    it('(a) traces the leaked excerpt in the demo folder to the member whose copy it came from', async () => {
      const excerpt = await readFile(join(folder, demoAgreementFiles.excerpt), 'utf8');
      const downloads = await listMarkedDownloads(deps.database.db, summary.agreement.agreementId);
      expect(downloads.map((each) => each.username).sort()).toEqual([
        'coalition-cara',
        'coalition-dev',
        'nhs-amira',
        'nhs-ben',
      ]);
      const traced = traceExcerpt(
        excerpt,
        downloads.map((each) => ({
          id: each.accessId,
          label: each.username,
          content: each.content,
          seed: each.markSeed,
        })),
      );
      expect(traced.best?.label).toBe(demoLeaker);
    });

    it('(b) records a decision the coalition was not told of, and holds its statement without consent', async () => {
      const agreement = await getAgreement(deps.database.db, summary.agreement.agreementId);
      const [nhs, coalition] = agreement.parties;
      const meetings = await listMeetings(deps.database.db, agreement.id);
      const decision = meetings.find((meeting) => meeting.kind === 'decision');
      expect(decision?.presentPartyIds).toEqual([nhs?.id]);
      expect(decision?.toldPartyIds).not.toContain(coalition?.id);
      const actions = await listActions(deps.database.db, agreement.id);
      const statement = actions.find((action) => action.id === summary.agreement.shutOutActionId);
      expect(statement).toMatchObject({ kind: 'public_statement', state: 'awaiting_consent' });
      expect(statement?.consents.map((each) => each.partyId)).toEqual([nhs?.id]);
    });

    it('(c) refuses to publish the altered version without the coalition, and writes the letter', async () => {
      expect(summary.agreement.refusals.alteredLetter).toMatch(
        /^Cannot publish: .*Coalition for Safe Care/,
      );
      const letter = await readFile(join(folder, demoAgreementFiles.letter), 'utf8');
      expect(letter).toBe(demoAlteredLetter);
      const [policy] = await getJointDocuments(deps.database.db, summary.agreement.agreementId);
      const drafts = await Promise.all(
        (policy?.versions ?? []).map(
          async (version) =>
            (await getVersion(deps.database.db, version.documentId, version.number)).content,
        ),
      );
      // Two of its paragraphs are the drafts' words, for "simwatch provenance" to find.
      const reused = letter
        .split('\n\n')
        .filter((paragraph) =>
          drafts.some((draft) => draft.includes(paragraph.trim().replace(/\.$/, ''))),
        );
      expect(reused).toHaveLength(2);
    });

    it('(d) refuses publication after a withdrawal, then publishes that it was agreed, with both signatures', async () => {
      expect(summary.agreement.refusals.withdrawn).toMatch(/^Cannot publish: .*withdrew/);
      const publication = await getPublication(
        deps.database.db,
        summary.agreement.statementPublicationId,
      );
      expect(publication.signatures).toHaveLength(2);
      expect(publication.statement?.partyName).toBe('Coalition for Safe Care (fictional)');
      const access = await listAccess(deps.database.db, summary.agreement.agreementId);
      expect(access.filter((each) => each.kind === 'download')).toHaveLength(4);
    });

    it("writes both parties' private keys, fictional and named so, into the demo folder", async () => {
      const files = await readdir(folder);
      for (const party of demoParties) {
        expect(files).toContain(party.keyFile);
        expect(await readFile(join(folder, party.keyFile), 'utf8')).toMatch(
          /^-----BEGIN PRIVATE KEY-----/,
        );
      }
      expect(await readFile(join(folder, demoAgreementFiles.guide), 'utf8')).toContain('fictional');
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
        .where('role', '=', 'reviewer')
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

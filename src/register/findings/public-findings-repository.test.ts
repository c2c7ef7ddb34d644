import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  rejectFinding,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import { decideFinding } from './findings-service.js';
import { listFindings } from './triage-repository.js';
import { listPublicFindings } from './public-findings-repository.js';

for (const database of testDatabases()) {
  describe(`listPublicFindings() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    /** Northmoor's two findings and Westmoor's (a private document) first one. */
    async function fileFindings() {
      const deps = register.deps();
      const northmoor = await addTextDocument(deps, northmoorPolicy, { title: 'Crisis pathway' });
      const westmoor = await addTextDocument(deps, westmoorPaper, {
        title: 'High intensity plan',
        organisationCodes: ['ZZT2'],
        documentDate: null,
        public: false,
      });
      const findings = await listFindings(db());
      const of = (documentId: number) => findings.filter((f) => f.documentId === documentId);
      const [police, callers] = of(northmoor);
      const [westmoorFinding] = of(westmoor);
      if (!police || !callers || !westmoorFinding) throw new Error('expected three findings');
      return { northmoor, westmoor, police, callers, westmoorFinding };
    }

    it('lists only confirmed findings, oldest first, with the time of the second confirmation', async () => {
      const { police, callers, westmoorFinding } = await fileFindings();
      register.setTime('2026-11-21T09:00:00.000Z');
      await confirmFinding(register.deps(), westmoorFinding.id);
      register.setTime('2026-11-22T09:00:00.000Z');
      await confirmFinding(register.deps(), police.id);
      // One confirmation is not evidence; a rejected finding is never published.
      await decideFinding(register.deps(), {
        findingId: callers.id,
        reviewer: 'ana',
        decision: 'confirm',
      });
      const list = await listPublicFindings(db(), { limit: 10, offset: 0 });
      expect(list.total).toBe(2);
      expect(list.findings.map((f) => f.id)).toEqual([police.id, westmoorFinding.id]);
      expect(list.findings.map((f) => f.confirmedAt)).toEqual([
        '2026-11-22T09:00:00.000Z',
        '2026-11-21T09:00:00.000Z',
      ]);
      expect(list.findings[0]).toMatchObject({
        status: 'confirmed',
        label: police.label,
        documentTitle: 'Crisis pathway',
        documentDate: '2025-06-01',
        organisations: ['ZZT1'],
      });
      // Reviewers' names stay out of what is published.
      expect(JSON.stringify(list)).not.toMatch(/"(ana|ben)"/);
      await rejectFinding(register.deps(), westmoorFinding.id);
      expect((await listPublicFindings(db(), { limit: 10, offset: 0 })).total).toBe(1);
    });

    it('publishes excerpts with personal data removed and says how many items were', async () => {
      const { police } = await fileFindings();
      expect(police.excerpt).toContain('020 7946 0018');
      await confirmFinding(register.deps(), police.id);
      const [published] = (await listPublicFindings(db(), { limit: 10, offset: 0 })).findings;
      expect(published?.excerpt).not.toContain('Jane Smith');
      expect(published?.excerpt).not.toContain('020 7946 0018');
      expect(published?.excerpt).toContain('[phone number removed]');
      expect(published?.itemsRedacted).toBe(2);
    });

    it('pages through the findings and counts them all whatever the page', async () => {
      const { police, callers, westmoorFinding } = await fileFindings();
      for (const finding of [police, callers, westmoorFinding])
        await confirmFinding(register.deps(), finding.id);
      const second = await listPublicFindings(db(), { limit: 1, offset: 1 });
      expect(second).toMatchObject({ total: 3, limit: 1, offset: 1 });
      expect(second.findings.map((f) => f.id)).toEqual([callers.id]);
      expect((await listPublicFindings(db(), { limit: 5, offset: 3 })).findings).toEqual([]);
    });

    it("lists one organisation's findings, counted alone", async () => {
      const { police, westmoorFinding } = await fileFindings();
      await confirmFinding(register.deps(), police.id);
      await confirmFinding(register.deps(), westmoorFinding.id);
      const westmoor = await listPublicFindings(db(), {
        organisationCode: 'ZZT2',
        limit: 10,
        offset: 0,
      });
      expect(westmoor.total).toBe(1);
      expect(westmoor.findings).toMatchObject([
        { id: westmoorFinding.id, organisations: ['ZZT2'], documentDate: null },
      ]);
      expect(
        await listPublicFindings(db(), { organisationCode: 'NOPE', limit: 10, offset: 0 }),
      ).toMatchObject({ total: 0, findings: [] });
    });
  });
}

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
import {
  countFindingsByStatus,
  findNeighbours,
  findNextFindingFor,
  findTriageFinding,
  listTriageFindings,
} from './triage-repository.js';

const everyPage = { offset: 0, limit: 50 };

for (const database of testDatabases()) {
  describe(`the triage reads on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    /** Northmoor's two findings, then Westmoor's; ids in that order. */
    async function fileFindings() {
      const deps = register.deps();
      const northmoor = await addTextDocument(deps, northmoorPolicy, { title: 'Crisis pathway' });
      const westmoor = await addTextDocument(deps, westmoorPaper, { organisationCodes: ['ZZT2'] });
      const ids = (await listFindings(db())).map((finding) => finding.id);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      return { northmoor, westmoor, ids };
    }

    it('gives a reviewer the finding with its page text, organisations, decisions and catalogue', async () => {
      const { northmoor, ids } = await fileFindings();
      const [first = 0] = ids;
      await decideFinding(register.deps(), {
        findingId: first,
        reviewer: 'ana',
        decision: 'reject',
        reason: 'A quotation',
      });
      const finding = await findTriageFinding(db(), first);
      expect(finding).toMatchObject({
        id: first,
        status: 'in_discussion',
        documentId: northmoor,
        documentTitle: 'Crisis pathway',
        documentDate: '2025-06-01',
        organisations: [{ code: 'ZZT1', name: 'Northmoor Mental Health NHS Trust' }],
        decisions: [{ reviewer: 'ana', decision: 'reject', reason: 'A quotation' }],
        pageText: northmoorPolicy,
        catalogueVersion: expect.any(String) as unknown,
      });
      // Not redacted: reviewers judge the passage as the document has it.
      expect(finding?.excerpt).toContain('020 7946 0018');
      expect(finding?.pageText?.slice(finding.start, finding.end)).toBe(finding?.excerpt);
    });

    it('returns undefined for a finding that does not exist', async () => {
      await fileFindings();
      expect(await findTriageFinding(db(), 999)).toBeUndefined();
    });

    it('lists the findings of the statuses asked for, oldest first, a page at a time', async () => {
      const { ids } = await fileFindings();
      const [first = 0, second = 0] = ids;
      await confirmFinding(register.deps(), first);
      await rejectFinding(register.deps(), second);
      const pending = await listTriageFindings(db(), { statuses: ['pending'] }, everyPage);
      expect(pending.findings.map((f) => f.id)).toEqual(ids.slice(2));
      const settled = await listTriageFindings(
        db(),
        { statuses: ['confirmed', 'rejected'] },
        { offset: 1, limit: 1 },
      );
      expect(settled).toMatchObject({ total: 2, findings: [{ id: second, status: 'rejected' }] });
      expect(await listTriageFindings(db(), { statuses: [] }, everyPage)).toEqual({
        total: 0,
        findings: [],
      });
    });

    it('narrows the list by organisation, label and document', async () => {
      const { northmoor, westmoor, ids } = await fileFindings();
      const all = ['pending'] as const;
      const ofWestmoor = await listTriageFindings(
        db(),
        { statuses: all, organisationCode: 'ZZT2' },
        everyPage,
      );
      expect(ofWestmoor.findings.every((f) => f.documentId === westmoor)).toBe(true);
      expect(ofWestmoor.total).toBe(ofWestmoor.findings.length);
      const ofDocument = await listTriageFindings(
        db(),
        { statuses: all, documentId: northmoor },
        everyPage,
      );
      expect(ofDocument.total + ofWestmoor.total).toBe(ids.length);
      const [sample] = ofDocument.findings;
      const ofLabel = await listTriageFindings(
        db(),
        { statuses: all, label: sample?.label },
        everyPage,
      );
      expect(ofLabel.findings.length).toBeGreaterThan(0);
      expect(ofLabel.findings.every((f) => f.label === sample?.label)).toBe(true);
      expect(ofLabel.total).toBeLessThan(ids.length);
    });

    it('finds the neighbours of a finding among those of the same statuses', async () => {
      const { ids } = await fileFindings();
      const [first = 0, second = 0, third = 0] = ids;
      await confirmFinding(register.deps(), second);
      expect(await findNeighbours(db(), third, ['pending'])).toEqual({
        previousId: first,
        nextId: ids[3],
      });
      expect(await findNeighbours(db(), first, ['pending', 'confirmed'])).toEqual({
        previousId: undefined,
        nextId: second,
      });
    });

    it('finds the next finding waiting for a reviewer, skipping those they decided, going round', async () => {
      const { ids } = await fileFindings();
      const [first = 0, second = 0, third = 0] = ids;
      const last = ids.at(-1) ?? 0;
      await decideFinding(register.deps(), {
        findingId: second,
        reviewer: 'ana',
        decision: 'confirm',
      });
      expect(await findNextFindingFor(db(), 'ana', first)).toBe(third);
      expect(await findNextFindingFor(db(), 'ben', first)).toBe(second);
      expect(await findNextFindingFor(db(), 'ana', last)).toBe(first);
      for (const id of ids) if (id !== second) await confirmFinding(register.deps(), id);
      expect(await findNextFindingFor(db(), 'ana', first)).toBeUndefined();
      expect(await findNextFindingFor(db(), 'ben', first)).toBe(second);
    });

    it('counts the findings of each status, naming every status', async () => {
      const { ids } = await fileFindings();
      const [first = 0, second = 0, third = 0] = ids;
      await confirmFinding(register.deps(), first);
      await rejectFinding(register.deps(), second);
      await decideFinding(register.deps(), {
        findingId: third,
        reviewer: 'ana',
        decision: 'confirm',
      });
      await decideFinding(register.deps(), {
        findingId: third,
        reviewer: 'ben',
        decision: 'reject',
        reason: 'Not about the model',
      });
      expect(await countFindingsByStatus(db())).toEqual({
        pending: ids.length - 3,
        in_discussion: 1,
        confirmed: 1,
        rejected: 1,
      });
    });
  });
}

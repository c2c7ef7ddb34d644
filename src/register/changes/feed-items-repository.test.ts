import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { editDocument } from '../documents/edit-document.js';
import { decideFinding } from '../findings/findings-service.js';
import { listFindings } from '../findings/triage-repository.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  rejectFinding,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import { listFeedItems, registerIdentity } from './feed-items-repository.js';

const assurance = {
  organisationCode: 'ZZT2',
  // Given long ago, recorded today: news today.
  givenOn: '2024-03-01',
  givenBy: 'Medical director',
  scope: 'never_used',
  text: 'The trust has never used the model.',
  source: 'FOI 12',
};

for (const database of testDatabases()) {
  describe(`listFeedItems() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    /** Northmoor's two findings (police, callers) and Westmoor's one. */
    async function fileFindings() {
      const deps = register.deps();
      const northmoor = await addTextDocument(deps, northmoorPolicy, { title: 'Crisis pathway' });
      const westmoor = await addTextDocument(deps, westmoorPaper, {
        title: 'High intensity plan',
        organisationCodes: ['ZZT2', 'ZZT1'],
        documentDate: null,
      });
      const findings = await listFindings(db());
      const [police, callers] = findings.filter((f) => f.documentId === northmoor);
      const [westmoorFinding] = findings.filter((f) => f.documentId === westmoor);
      if (!police || !callers || !westmoorFinding) throw new Error('expected three findings');
      return { northmoor, westmoor, police, callers, westmoorFinding };
    }

    it('lists confirmed evidence and assurances newest first, each at the time it became news', async () => {
      const deps = register.deps();
      const { northmoor, police, callers, westmoorFinding } = await fileFindings();
      register.setTime('2026-11-21T09:00:00.000Z');
      await decideFinding(deps, { findingId: police.id, reviewer: 'ana', decision: 'confirm' });
      register.setTime('2026-11-22T09:00:00.000Z');
      // The second confirmation makes it evidence.
      await decideFinding(deps, { findingId: police.id, reviewer: 'ben', decision: 'confirm' });
      register.setTime('2026-11-23T09:00:00.000Z');
      const assuranceId = await recordAssurance(deps, assurance, 'ana');
      register.setTime('2026-11-24T09:00:00.000Z');
      // Pending with one confirmation, and rejected: neither is news.
      await decideFinding(deps, { findingId: callers.id, reviewer: 'ana', decision: 'confirm' });
      await rejectFinding(deps, westmoorFinding.id);
      const items = await listFeedItems(db(), 10);
      expect(items.map((item) => [item.kind, item.time])).toEqual([
        ['assurance', '2026-11-23T09:00:00.000Z'],
        ['evidence', '2026-11-22T09:00:00.000Z'],
      ]);
      expect(items[1]).toEqual({
        kind: 'evidence',
        time: '2026-11-22T09:00:00.000Z',
        findingId: police.id,
        feature: police.label,
        excerpt: police.excerpt,
        page: police.page,
        documentId: northmoor,
        documentTitle: 'Crisis pathway',
        documentDate: '2025-06-01',
        organisations: [{ code: 'ZZT1', name: 'Northmoor Mental Health NHS Trust' }],
      });
      expect(items[0]).toEqual({
        kind: 'assurance',
        time: '2026-11-23T09:00:00.000Z',
        assuranceId,
        givenOn: '2024-03-01',
        givenBy: 'Medical director',
        scope: 'never_used',
        scopeDate: null,
        feature: null,
        text: 'The trust has never used the model.',
        organisation: { code: 'ZZT2', name: 'Westmoor Partnership NHS Trust' },
      });
    });

    it("names every organisation an evidence's document is filed under", async () => {
      const { westmoor, westmoorFinding } = await fileFindings();
      await confirmFinding(register.deps(), westmoorFinding.id);
      const [item] = await listFeedItems(db(), 10);
      expect(item).toMatchObject({ kind: 'evidence', documentId: westmoor, documentDate: null });
      if (item?.kind !== 'evidence') throw new Error('expected evidence');
      expect(item.organisations.map((organisation) => organisation.code).sort()).toEqual([
        'ZZT1',
        'ZZT2',
      ]);
    });

    it('takes evidence out of the feed when it is no longer confirmed', async () => {
      const { police } = await fileFindings();
      await confirmFinding(register.deps(), police.id);
      expect(await listFeedItems(db(), 10)).toHaveLength(1);
      await rejectFinding(register.deps(), police.id);
      expect(await listFeedItems(db(), 10)).toEqual([]);
    });

    it('gives at most the limit, the newest', async () => {
      const deps = register.deps();
      const { police, callers, westmoorFinding } = await fileFindings();
      const times = ['2026-11-21', '2026-11-22', '2026-11-23'].map((day) => `${day}T09:00:00.000Z`);
      for (const [index, finding] of [police, westmoorFinding, callers].entries()) {
        register.setTime(times[index] ?? '');
        await confirmFinding(deps, finding.id);
      }
      register.setTime('2026-11-24T09:00:00.000Z');
      await recordAssurance(deps, assurance, 'ana');
      register.setTime('2026-11-25T09:00:00.000Z');
      await recordAssurance(deps, { ...assurance, organisationCode: 'ZZT1' }, 'ana');
      const items = await listFeedItems(db(), 3);
      expect(items.map((item) => item.time)).toEqual([
        '2026-11-25T09:00:00.000Z',
        '2026-11-24T09:00:00.000Z',
        '2026-11-23T09:00:00.000Z',
      ]);
      expect(items[2]).toMatchObject({ kind: 'evidence', findingId: callers.id });
      expect(await listFeedItems(db(), 0)).toEqual([]);
    });

    it("narrows to one organisation's evidence and its own assurances", async () => {
      const deps = register.deps();
      const { police, westmoorFinding } = await fileFindings();
      register.setTime('2026-11-21T09:00:00.000Z');
      await confirmFinding(deps, police.id);
      register.setTime('2026-11-22T09:00:00.000Z');
      await confirmFinding(deps, westmoorFinding.id);
      register.setTime('2026-11-23T09:00:00.000Z');
      const westmoorAssurance = await recordAssurance(deps, assurance, 'ana');
      register.setTime('2026-11-24T09:00:00.000Z');
      await recordAssurance(deps, { ...assurance, organisationCode: 'ZZT1' }, 'ana');
      const westmoor = await listFeedItems(db(), 10, { organisationCode: 'ZZT2' });
      expect(
        westmoor.map((item) => [
          item.kind,
          item.kind === 'evidence' ? item.findingId : item.assuranceId,
          item.time,
        ]),
      ).toEqual([
        ['assurance', westmoorAssurance, '2026-11-23T09:00:00.000Z'],
        ['evidence', westmoorFinding.id, '2026-11-22T09:00:00.000Z'],
      ]);
      // Northmoor shares Westmoor's paper, so its evidence is Northmoor's too.
      const northmoor = await listFeedItems(db(), 10, { organisationCode: 'ZZT1' });
      expect(northmoor.map((item) => item.time)).toEqual([
        '2026-11-24T09:00:00.000Z',
        '2026-11-22T09:00:00.000Z',
        '2026-11-21T09:00:00.000Z',
      ]);
      expect(await listFeedItems(db(), 10, { organisationCode: 'NOPE' })).toEqual([]);
      expect(await listFeedItems(db(), 1, { organisationCode: 'ZZT1' })).toHaveLength(1);
    });

    it('follows a corrected document title', async () => {
      const { northmoor, police } = await fileFindings();
      await confirmFinding(register.deps(), police.id);
      await editDocument(
        register.deps(),
        { documentId: northmoor, title: 'Crisis pathway (2025)', reason: 'Fuller title' },
        'ana',
      );
      expect(await listFeedItems(db(), 10)).toMatchObject([
        { findingId: police.id, documentTitle: 'Crisis pathway (2025)' },
      ]);
    });
  });

  describe(`registerIdentity() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    it('stays the same however the register grows', async () => {
      const identity = await registerIdentity(db());
      expect(identity).toMatch(/^[0-9a-f]{64}$/);
      await addTextDocument(register.deps(), westmoorPaper);
      await recordAssurance(register.deps(), assurance, 'ana');
      expect(await registerIdentity(db())).toBe(identity);
    });
  });
}

import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { editDocument } from '../documents/edit-document.js';
import { decideFinding } from '../findings/findings-service.js';
import { listFindings } from '../findings/triage-repository.js';
import { importOrganisations, linkOrganisations } from '../organisations/organisations-service.js';
import { createReview, recordReturn } from '../reviews/reviews-service.js';
import {
  addTextDocument,
  northmoorPolicy,
  useTestRegister,
  westmoorTrust,
} from '../test-support/test-register.js';
import { lookUpChanges, readChangeEvents } from './change-events-repository.js';

for (const database of testDatabases()) {
  describe(`change events repository on ${database.name}`, () => {
    const register = useTestRegister(database);
    const registerDatabase = () => register.deps().database;

    /** One change of each kind the list shows, and some it does not, a minute apart. */
    async function makeChanges() {
      const deps = register.deps();
      let minute = 0;
      const tick = () => {
        minute += 1;
        register.setTime(`2026-11-21T09:${String(minute).padStart(2, '0')}:00.000Z`);
      };
      tick();
      const documentId = await addTextDocument(deps, northmoorPolicy, { title: 'Crisis pathway' });
      const [police, callers] = await listFindings(deps.database.db);
      if (!police || !callers) throw new Error('expected two findings');
      tick();
      await decideFinding(deps, { findingId: police.id, reviewer: 'ana', decision: 'confirm' });
      tick();
      const reason = 'Not about the model';
      await decideFinding(deps, {
        findingId: callers.id,
        reviewer: 'ben',
        decision: 'reject',
        reason,
      });
      tick();
      await editDocument(deps, { documentId, title: 'Crisis pathway 2025', reason: 'Year' }, 'ana');
      tick();
      await linkOrganisations(
        deps,
        { code: 'ZZT1', linkedCode: 'ZZT2', relation: 'commissions' },
        'ana',
      );
      tick();
      const assuranceId = await recordAssurance(
        deps,
        {
          organisationCode: 'ZZT2',
          givenOn: '2026-01-10',
          givenBy: 'Chief executive',
          scope: 'never_used',
          text: 'Never used.',
          source: 'FOI 12',
        },
        'ana',
      );
      tick();
      const reviewId = await createReview(deps, { name: 'National review 2026' }, 'ana');
      tick();
      const returnId = await recordReturn(
        deps,
        { reviewName: 'National review 2026', organisationCode: 'ZZT1', responded: true },
        'ana',
      );
      tick();
      await importOrganisations(
        deps,
        [{ ...westmoorTrust, code: 'ZZT3', name: 'Eastmoor Trust' }],
        'tester',
      );
      return { documentId, police, callers, assuranceId, reviewId, returnId };
    }

    it('readChangeEvents() reads the shown events newest first, with what each is about', async () => {
      const { documentId, police, assuranceId, reviewId, returnId } = await makeChanges();
      const events = await readChangeEvents(registerDatabase(), 50);
      // Rejections, edits and links are not in the list; nor are the reviewers' accounts.
      expect(events.map(({ type, ref }) => [type, ref])).toEqual([
        ['organisations.imported', 1],
        ['return.recorded', returnId],
        ['review.created', reviewId],
        ['assurance.recorded', assuranceId],
        ['finding.decided', police.id],
        ['document.ingested', documentId],
        ['organisations.imported', 2],
      ]);
      expect(events.map((event) => event.detail)).toEqual([
        'ZZT3',
        null,
        null,
        null,
        expect.stringMatching(/^\d+$/),
        null,
        'ZZT1',
      ]);
      expect(events[0]?.time).toBe('2026-11-21T09:09:00.000Z');
      const seqs = events.map((event) => event.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    });

    it('readChangeEvents() reads no more than it is asked to scan', async () => {
      const { reviewId, returnId } = await makeChanges();
      const events = await readChangeEvents(registerDatabase(), 3);
      expect(events.map((event) => event.ref)).toEqual([1, returnId, reviewId]);
    });

    it('lookUpChanges() looks up what the events are about', async () => {
      const { documentId, police, assuranceId, reviewId, returnId } = await makeChanges();
      const events = await readChangeEvents(registerDatabase(), 50);
      const lookups = await lookUpChanges(registerDatabase(), events);
      // Only an import of one organisation is described by its name.
      expect(lookups.organisationsByCode).toEqual(new Map([['ZZT3', { name: 'Eastmoor Trust' }]]));
      expect(lookups.documents).toEqual(new Map([[documentId, { title: 'Crisis pathway 2025' }]]));
      expect(lookups.findings).toEqual(
        new Map([
          [
            police.id,
            {
              label: police.label,
              documentId,
              documentTitle: 'Crisis pathway 2025',
              page: police.page,
              status: 'pending',
            },
          ],
        ]),
      );
      const decisions = lookups.decisions.get(police.id);
      expect(decisions).toEqual([
        { id: expect.any(Number) as unknown, reviewer: 'ana', decision: 'confirm' },
      ]);
      const decided = events.find((event) => event.type === 'finding.decided');
      expect(decided?.detail).toBe(String(decisions?.[0]?.id));
      expect(lookups.decisions.size).toBe(1);
      expect(lookups.assurances).toEqual(
        new Map([
          [assuranceId, { organisationCode: 'ZZT2', organisationName: westmoorTrust.name }],
        ]),
      );
      expect(lookups.returns).toEqual(
        new Map([
          [
            returnId,
            {
              organisationCode: 'ZZT1',
              organisationName: 'Northmoor Mental Health NHS Trust',
              reviewName: 'National review 2026',
              responded: true,
            },
          ],
        ]),
      );
      expect(lookups.reviews).toEqual(new Map([[reviewId, { name: 'National review 2026' }]]));
    });

    it('lookUpChanges() lists every decision on a finding, oldest first', async () => {
      const deps = register.deps();
      await addTextDocument(deps, northmoorPolicy);
      const [police] = await listFindings(deps.database.db);
      if (!police) throw new Error('expected a finding');
      const reason = 'Not about the model';
      await decideFinding(deps, {
        findingId: police.id,
        reviewer: 'ben',
        decision: 'reject',
        reason,
      });
      await decideFinding(deps, { findingId: police.id, reviewer: 'ana', decision: 'confirm' });
      const lookups = await lookUpChanges(
        registerDatabase(),
        await readChangeEvents(registerDatabase(), 50),
      );
      expect(
        lookups.decisions.get(police.id)?.map(({ reviewer, decision }) => [reviewer, decision]),
      ).toEqual([
        ['ben', 'reject'],
        ['ana', 'confirm'],
      ]);
    });

    it('lookUpChanges() looks up nothing when there are no events', async () => {
      const lookups = await lookUpChanges(registerDatabase(), []);
      for (const map of Object.values(lookups)) expect(map).toEqual(new Map());
    });
  });
}

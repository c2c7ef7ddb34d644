import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { listFindings } from '../findings/triage-repository.js';
import { createReview, recordReturn } from '../reviews/reviews-service.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  useTestRegister,
} from '../test-support/test-register.js';
import { listFactArrivals } from './fact-arrivals-repository.js';

for (const database of testDatabases()) {
  describe(`listFactArrivals() on ${database.name}`, () => {
    const register = useTestRegister(database);

    it('dates returns and assurances by their event and evidence by its confirmation', async () => {
      const deps = register.deps();
      const db = deps.database.db;
      register.setTime('2026-11-20T09:00:00.000Z');
      await createReview(deps, { name: '2021 review' }, 'ana');
      const firstId = await recordReturn(
        deps,
        { reviewName: '2021 review', organisationCode: 'ZZT1', responded: false },
        'ana',
      );
      register.setTime('2026-11-21T09:00:00.000Z');
      // Recorded again: the return as it stands now arrived now.
      const returnId = await recordReturn(
        deps,
        { reviewName: '2021 review', organisationCode: 'ZZT1', responded: true, usedModel: false },
        'ana',
      );
      register.setTime('2026-11-22T09:00:00.000Z');
      const assuranceId = await recordAssurance(
        deps,
        {
          organisationCode: 'ZZT2',
          givenOn: '2024-03-01',
          givenBy: 'Medical director',
          scope: 'never_used',
          text: 'Never used.',
          source: 'FOI 12',
        },
        'ana',
      );
      const documentId = await addTextDocument(deps, northmoorPolicy);
      const [confirmed, pending] = (await listFindings(db)).filter(
        (finding) => finding.documentId === documentId,
      );
      if (!confirmed || !pending) throw new Error('expected two findings');
      register.setTime('2026-11-23T09:00:00.000Z');
      await confirmFinding(deps, confirmed.id);
      const arrivals = await listFactArrivals(db);
      expect(arrivals.returns.get(returnId)).toBe('2026-11-21T09:00:00.000Z');
      if (firstId !== returnId)
        expect(arrivals.returns.get(firstId)).toBe('2026-11-20T09:00:00.000Z');
      expect([...arrivals.assurances]).toEqual([[assuranceId, '2026-11-22T09:00:00.000Z']]);
      expect([...arrivals.evidence]).toEqual([[confirmed.id, '2026-11-23T09:00:00.000Z']]);
    });
  });
}

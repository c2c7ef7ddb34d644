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
import { listReviewedFindingKeys } from './reviewed-findings-repository.js';
import { listFindings } from './triage-repository.js';

for (const database of testDatabases()) {
  describe(`listReviewedFindingKeys() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    it('lists the settled findings of one label by id, leaving out pending ones and other labels', async () => {
      const deps = register.deps();
      await addTextDocument(deps, northmoorPolicy);
      await addTextDocument(deps, westmoorPaper, { organisationCodes: ['ZZT2'] });
      await addTextDocument(deps, `${westmoorPaper}\n\nA second copy, edited.`);
      const findings = await listFindings(db());
      const [police] = findings;
      const callers = findings.filter((f) => f.label !== police?.label);
      const [northmoorCallers, westmoorCallers, copyCallers] = callers;
      if (!police || !northmoorCallers || !westmoorCallers || !copyCallers)
        throw new Error('expected a police finding and three about callers');
      expect(new Set(callers.map((f) => f.label)).size).toBe(1);
      const label = northmoorCallers.label;
      await confirmFinding(deps, copyCallers.id);
      await rejectFinding(deps, northmoorCallers.id);
      // One confirmation leaves it pending; another label is not listed.
      await decideFinding(deps, {
        findingId: westmoorCallers.id,
        reviewer: 'ana',
        decision: 'confirm',
      });
      await confirmFinding(deps, police.id);
      expect(await listReviewedFindingKeys(db(), label)).toEqual([
        { id: northmoorCallers.id, status: 'rejected' },
        { id: copyCallers.id, status: 'confirmed' },
      ]);
      expect(await listReviewedFindingKeys(db(), police.label)).toEqual([
        { id: police.id, status: 'confirmed' },
      ]);
      expect(await listReviewedFindingKeys(db(), 'sim_named')).toEqual([]);
    });
  });
}

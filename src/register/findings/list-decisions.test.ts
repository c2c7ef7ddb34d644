import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import {
  addTextDocument,
  northmoorPolicy,
  useTestRegister,
} from '../test-support/test-register.js';
import { decideFinding } from './findings-service.js';
import { listDecisions } from './list-decisions.js';
import { listFindings } from './triage-repository.js';

for (const database of testDatabases()) {
  describe(`listDecisions() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    it("lists a finding's decisions in the order they were made, and no other finding's", async () => {
      const deps = register.deps();
      await addTextDocument(deps, northmoorPolicy);
      const [police, callers] = await listFindings(db());
      if (!police || !callers) throw new Error('expected two findings');
      expect(await listDecisions(db(), police.id)).toEqual([]);
      const reason = 'Not about the model';
      await decideFinding(deps, {
        findingId: police.id,
        reviewer: 'ben',
        decision: 'reject',
        reason,
      });
      await decideFinding(deps, { findingId: callers.id, reviewer: 'ana', decision: 'confirm' });
      await decideFinding(deps, { findingId: police.id, reviewer: 'ana', decision: 'confirm' });
      expect(await listDecisions(db(), police.id)).toEqual([
        { reviewer: 'ben', decision: 'reject' },
        { reviewer: 'ana', decision: 'confirm' },
      ]);
      expect(await listDecisions(db(), callers.id)).toEqual([
        { reviewer: 'ana', decision: 'confirm' },
      ]);
    });
  });
}

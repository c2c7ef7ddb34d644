import { describe, expect, it } from 'vitest';

import { testDatabases } from '../test-support/register-databases.js';
import { useTestRegister } from '../register/test-support/test-register.js';
import { measureTriageDecisions } from './measure-triage-decisions.js';

for (const database of testDatabases()) {
  describe(`a screened board pack on ${database.name}`, () => {
    const register = useTestRegister(database);

    it('needs at most one decision per distinct passage and label from each reviewer', async () => {
      const measure = await measureTriageDecisions(register.deps(), {
        seed: 14,
        pages: 12,
        organisationCode: 'ZZT1',
      });
      expect(measure.pages).toBe(12);
      expect(measure.findings).toBeGreaterThan(2);
      expect(measure.decisionsPerReviewer).toBeLessThanOrEqual(measure.passageLabels);
      expect(measure.findings).toBe(measure.passageLabels);
      expect(measure.actionsPerReviewer).toBe(measure.passages);
    }, 120_000);
  });
}

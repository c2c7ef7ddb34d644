import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { listFindings } from '../findings/triage-repository.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  rejectFinding,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import { listPassagesByIds, listReviewedPassages } from './models-repository.js';

// The activations (findActiveModel, listModelActivations) are tested with training, in
// models-service.test.ts.

const assurancePaper = [
  'Letter to the review',
  '',
  'The trust confirms that it has never used the Serenity Integrated Mentoring model and has no plans to.',
].join('\n');

for (const database of testDatabases()) {
  describe(`models repository passages on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    async function fileFindings() {
      const deps = register.deps();
      const northmoor = await addTextDocument(deps, northmoorPolicy);
      await addTextDocument(deps, westmoorPaper, { organisationCodes: ['ZZT2'] });
      await addTextDocument(deps, assurancePaper);
      const findings = await listFindings(db());
      const [police, callers] = findings.filter((f) => f.documentId === northmoor);
      const westmoor = findings.find((f) => f.documentId !== northmoor && f.label !== 'assurance');
      const assurance = findings.find((f) => f.label === 'assurance');
      if (!police || !callers || !westmoor || !assurance)
        throw new Error('expected three findings of evidence labels and an assurance');
      return { northmoor, police, callers, westmoor, assurance };
    }

    it('listReviewedPassages() lists settled findings of the evidence labels only, by id', async () => {
      const deps = register.deps();
      const { northmoor, police, callers, westmoor, assurance } = await fileFindings();
      await rejectFinding(deps, westmoor.id);
      await confirmFinding(deps, police.id);
      await confirmFinding(deps, assurance.id);
      // callers stays pending.
      expect(await listReviewedPassages(db())).toEqual([
        {
          id: police.id,
          documentId: northmoor,
          label: police.label,
          excerpt: police.excerpt,
          status: 'confirmed',
        },
        expect.objectContaining({ id: westmoor.id, status: 'rejected' }),
      ]);
      expect(callers.status).toBe('pending');
    });

    it('listPassagesByIds() reads the passages asked for, whatever their status, by id', async () => {
      const { police, callers, westmoor, assurance } = await fileFindings();
      await confirmFinding(register.deps(), police.id);
      const passages = await listPassagesByIds(db(), [westmoor.id, police.id, assurance.id, 999]);
      expect(passages.map(({ id, status }) => [id, status])).toEqual([
        [police.id, 'confirmed'],
        [westmoor.id, 'pending'],
      ]);
      expect(passages.some((passage) => passage.id === callers.id)).toBe(false);
      expect(await listPassagesByIds(db(), [])).toEqual([]);
    });

    it('listPassagesByIds() reads more ids than one statement takes', async () => {
      const { police, westmoor } = await fileFindings();
      const ids = [...Array.from({ length: 1200 }, (_, index) => 10_000 + index), westmoor.id];
      const passages = await listPassagesByIds(db(), [police.id, ...ids]);
      expect(passages.map((passage) => passage.id)).toEqual([police.id, westmoor.id]);
    });
  });
}

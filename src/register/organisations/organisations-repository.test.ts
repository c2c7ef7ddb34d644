import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { useTestRegister, westmoorTrust } from '../test-support/test-register.js';
import { importOrganisations } from './organisations-service.js';
import {
  findOrganisationByCode,
  getOrganisationByCode,
  holdsDemonstrationOrganisations,
  listOrganisations,
} from './organisations-repository.js';

const aldmoorPolice = {
  code: 'ZZX1',
  name: 'Aldmoor Police',
  kind: 'police_force' as const,
  region: null,
  formerNames: [],
  sourceUrl: 'https://example.org/forces/aldmoor',
};

for (const database of testDatabases()) {
  describe(`organisations repository on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    it('listOrganisations() lists every organisation by name, whatever the order of import', async () => {
      await importOrganisations(register.deps(), [aldmoorPolice], 'tester');
      const list = await listOrganisations(db());
      expect(list.map((organisation) => organisation.code)).toEqual(['ZZX1', 'ZZT1', 'ZZT2']);
      expect(list[0]).toEqual({
        id: expect.any(Number) as unknown,
        ...aldmoorPolice,
        icbCode: null,
        opened: null,
        closed: null,
        successorCodes: [],
      });
    });

    it('findOrganisationByCode() reads an organisation with the names it had before', async () => {
      await importOrganisations(
        register.deps(),
        [{ ...northmoorTrust, name: 'Northmoor and Dale NHS Trust', region: null }],
        'tester',
      );
      expect(await findOrganisationByCode(db(), 'ZZT1')).toEqual({
        id: expect.any(Number) as unknown,
        code: 'ZZT1',
        name: 'Northmoor and Dale NHS Trust',
        kind: 'mental_health_trust',
        // An import that does not say the region keeps the one known.
        region: 'North',
        formerNames: ['Northmoor Mental Health NHS Trust'],
        sourceUrl: null,
        icbCode: null,
        opened: null,
        closed: null,
        successorCodes: [],
      });
      expect((await findOrganisationByCode(db(), 'ZZT2'))?.name).toBe(westmoorTrust.name);
    });

    it("reads back an organisation's lifecycle: ICB, opened, closed and successors", async () => {
      await importOrganisations(
        register.deps(),
        [
          {
            ...westmoorTrust,
            code: 'ZZT3',
            name: 'Eastmoor NHS Trust',
            kind: 'ambulance_trust',
            icbCode: 'ZZI1',
            opened: '2006-07-01',
            closed: '2026-03-31',
            successorCodes: ['ZZT1', 'ZZT2'],
          },
        ],
        'tester',
      );
      expect(await findOrganisationByCode(db(), 'ZZT3')).toMatchObject({
        kind: 'ambulance_trust',
        icbCode: 'ZZI1',
        opened: '2006-07-01',
        closed: '2026-03-31',
        successorCodes: ['ZZT1', 'ZZT2'],
      });
    });

    it('an import that leaves out the lifecycle keeps the one known; one that gives it changes it', async () => {
      const closedTrust = {
        ...northmoorTrust,
        icbCode: 'ZZI1',
        opened: '2011-04-01',
        closed: '2026-03-31',
        successorCodes: ['ZZT2'],
      };
      await importOrganisations(register.deps(), [closedTrust], 'tester');
      const again = await importOrganisations(register.deps(), [northmoorTrust], 'tester');
      expect(again).toEqual({ added: 0, updated: 0, unchanged: 1 });
      expect(await findOrganisationByCode(db(), 'ZZT1')).toMatchObject({
        closed: '2026-03-31',
        successorCodes: ['ZZT2'],
      });
      await importOrganisations(
        register.deps(),
        [{ ...closedTrust, icbCode: 'ZZI2', successorCodes: ['ZZT2', 'ZZX1'] }],
        'tester',
      );
      expect(await findOrganisationByCode(db(), 'ZZT1')).toMatchObject({
        icbCode: 'ZZI2',
        successorCodes: ['ZZT2', 'ZZX1'],
      });
    });

    it('findOrganisationByCode() returns undefined when no organisation has the code', async () => {
      expect(await findOrganisationByCode(db(), 'NOPE')).toBeUndefined();
      // Codes are matched exactly.
      expect(await findOrganisationByCode(db(), 'zzt1')).toBeUndefined();
    });

    it('getOrganisationByCode() reads an organisation by its code, ignoring spaces around it', async () => {
      const westmoor = await getOrganisationByCode(db(), ' ZZT2 ');
      expect(westmoor).toMatchObject({ code: 'ZZT2', name: westmoorTrust.name });
      expect(westmoor).toEqual(await findOrganisationByCode(db(), 'ZZT2'));
    });

    it('getOrganisationByCode() throws not_found naming the code when there is none', async () => {
      await expect(getOrganisationByCode(db(), 'NOPE')).rejects.toMatchObject({
        code: 'not_found',
        message: expect.stringContaining('"NOPE"') as unknown,
      });
    });

    it('holdsDemonstrationOrganisations() says whether any code starts with DEMO-', async () => {
      expect(await holdsDemonstrationOrganisations(db())).toBe(false);
      await importOrganisations(
        register.deps(),
        [{ ...westmoorTrust, code: 'DEMO-1', name: 'Demonstration Trust' }],
        'tester',
      );
      expect(await holdsDemonstrationOrganisations(db())).toBe(true);
    });
  });
}

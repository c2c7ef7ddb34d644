import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { useTestRegister, westmoorTrust } from '../test-support/test-register.js';
import { listOrganisationLinks } from './organisation-links-repository.js';
import { getOrganisationByCode } from './organisations-repository.js';
import { importOrganisations, linkOrganisations } from './organisations-service.js';

for (const database of testDatabases()) {
  describe(`listOrganisationLinks() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;
    const idOf = async (code: string) => (await getOrganisationByCode(db(), code)).id;

    it('lists the links from an organisation, then those to it, each in the order recorded', async () => {
      const deps = register.deps();
      await importOrganisations(
        deps,
        [{ ...westmoorTrust, code: 'ZZP1', name: 'Aldmoor Police', kind: 'police_force' }],
        'tester',
      );
      await linkOrganisations(
        deps,
        { code: 'ZZP1', linkedCode: 'ZZT1', relation: 'works_with' },
        'ana',
      );
      await linkOrganisations(
        deps,
        { code: 'ZZT1', linkedCode: 'ZZT2', relation: 'commissions' },
        'ana',
      );
      await linkOrganisations(deps, { code: 'ZZT1', linkedCode: 'ZZP1', relation: 'funds' }, 'ana');
      // A link between two others is not one of Northmoor's.
      await linkOrganisations(
        deps,
        { code: 'ZZT2', linkedCode: 'ZZP1', relation: 'works_with' },
        'ana',
      );
      expect(await listOrganisationLinks(db(), await idOf('ZZT1'))).toEqual([
        {
          outgoing: true,
          relation: 'commissions',
          otherCode: 'ZZT2',
          otherName: westmoorTrust.name,
        },
        { outgoing: true, relation: 'funds', otherCode: 'ZZP1', otherName: 'Aldmoor Police' },
        { outgoing: false, relation: 'works_with', otherCode: 'ZZP1', otherName: 'Aldmoor Police' },
      ]);
      expect(await listOrganisationLinks(db(), await idOf('ZZT2'))).toEqual([
        { outgoing: true, relation: 'works_with', otherCode: 'ZZP1', otherName: 'Aldmoor Police' },
        {
          outgoing: false,
          relation: 'commissions',
          otherCode: 'ZZT1',
          otherName: 'Northmoor Mental Health NHS Trust',
        },
      ]);
    });

    it('lists nothing for an organisation with no links, or no such organisation', async () => {
      await linkOrganisations(
        register.deps(),
        { code: 'ZZT1', linkedCode: 'ZZT2', relation: 'commissions' },
        'ana',
      );
      expect(await listOrganisationLinks(db(), 999)).toEqual([]);
      await importOrganisations(
        register.deps(),
        [{ ...westmoorTrust, code: 'ZZT3', name: 'Eastmoor Trust' }],
        'tester',
      );
      expect(await listOrganisationLinks(db(), await idOf('ZZT3'))).toEqual([]);
    });
  });
}

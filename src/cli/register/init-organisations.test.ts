import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { Config } from '../../config/load-config.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { runCli } from '../test-support/run-cli.js';

const referenceData = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

interface ListedOrganisation {
  code: string;
  name: string;
  kind: string;
  region: string | null;
  icbCode: string | null;
  opened: string | null;
  closed: string | null;
  successorCodes: string[];
  current: boolean;
}

for (const database of testDatabases()) {
  describe(`simwatch init --organisations on ${database.name}`, () => {
    let made: { config: Config; cleanUp: () => Promise<void> } | undefined;
    beforeEach(async () => {
      made = await database.create();
    });
    afterEach(async () => {
      await made?.cleanUp();
    });
    const cli = (...args: string[]) => {
      if (!made) throw new Error('The register is made before each test');
      return runCli(args, {
        env: {
          SIMWATCH_DATA_DIR: made.config.dataDir,
          DATABASE_URL: made.config.databaseUrl ?? '',
          SIMWATCH_ACTOR: 'tester',
        },
      });
    };

    it('makes a real register in one command, and running it again changes nothing', async () => {
      const first = await cli('init', '--organisations', 'england', '--json');
      expect(first.stderr).toBe('');
      expect(first.status).toBe(0);
      const summary = JSON.parse(first.stdout) as { organisations: unknown };
      expect(summary.organisations).toEqual({
        set: 'england',
        added: 172,
        updated: 0,
        unchanged: 0,
        total: 172,
        current: 151,
        closed: 21,
        byKind: {
          mental_health_trust: 57,
          ambulance_trust: 11,
          police_force: 40,
          integrated_care_board: 48,
          health_innovation_network: 15,
          other: 1,
        },
      });
      const again = await cli('init', '--organisations', 'england');
      expect(again.status).toBe(0);
      expect(again.stdout).toContain('Organisations (england): 0 added, 0 updated, 172 unchanged');
      expect(again.stdout).toContain(
        'The register holds 172 organisations: 151 current, 21 closed',
      );
      expect(again.stdout).toContain('  Integrated care board: 48');
      expect((await cli('ledger', 'verify')).status).toBe(0);
    });

    it('org list --json gives each organisation its region, ICB, lifecycle and whether it is current', async () => {
      expect((await cli('init', '--organisations', 'england')).status).toBe(0);
      const listed = await cli('org', 'list', '--json');
      expect(listed.status).toBe(0);
      const organisations = JSON.parse(listed.stdout) as ListedOrganisation[];
      expect(organisations).toHaveLength(172);
      const byCode = new Map(organisations.map((each) => [each.code, each]));
      expect(byCode.get('G6V2S')).toMatchObject({
        name: 'North London NHS Foundation Trust',
        kind: 'mental_health_trust',
        region: 'London',
        icbCode: 'Z9B2Z',
        opened: '2024-11-01',
        closed: null,
        successorCodes: [],
        current: true,
      });
      expect(byCode.get('RNK')).toMatchObject({
        closed: '2026-03-31',
        successorCodes: ['G6V2S'],
        current: false,
      });
      expect(
        organisations.filter((each) => each.kind === 'integrated_care_board' && each.current),
      ).toHaveLength(36);

      const plain = await cli('org', 'list', '--kind', 'mental_health_trust');
      expect(plain.stdout).toMatch(
        /^RNK +Mental health trust +London +Tavistock and Portman NHS Foundation Trust \(closed 2026-03-31; succeeded by G6V2S\)$/m,
      );
      expect(plain.stdout).toMatch(
        /^G6V2S +Mental health trust +London +North London NHS Foundation Trust$/m,
      );
      expect(plain.stdout).not.toContain('Police force');
    });

    it('refuses an unknown set by name and leaves the register without organisations', async () => {
      const run = await cli('init', '--organisations', 'wales');
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Cannot load organisations "wales": the sets are england');
      expect((await cli('org', 'list', '--json')).stdout.trim()).toBe('[]');
    });

    it('org import of a reference list carries the lifecycle fields', async () => {
      expect((await cli('init')).status).toBe(0);
      const run = await cli('org', 'import', `${referenceData}integrated-care-boards.csv`);
      expect(run.stdout).toContain('48 added');
      const organisations = JSON.parse(
        (await cli('org', 'list', '--json')).stdout,
      ) as ListedOrganisation[];
      expect(organisations.find((each) => each.code === 'QNQ')).toMatchObject({
        kind: 'integrated_care_board',
        region: 'South East',
        closed: '2026-03-31',
        successorCodes: ['S0E4D', 'S9B9J', 'QRL'],
        current: false,
      });
    });
  });
}

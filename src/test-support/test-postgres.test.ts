import { describe, expect, inject, it } from 'vitest';

import { probeTestPostgres, testPostgresUrl, wantedTestDatabases } from './test-postgres.js';

describe('wantedTestDatabases()', () => {
  it('wants both, not explicitly, when SIMWATCH_TEST_DATABASES is unset or empty', () => {
    for (const env of [{}, { SIMWATCH_TEST_DATABASES: ' ' }])
      expect(wantedTestDatabases(env)).toEqual({ names: ['sqlite', 'postgres'], explicit: false });
  });

  it('takes the list given as explicit, as .ci/run sets it', () => {
    expect(wantedTestDatabases({ SIMWATCH_TEST_DATABASES: 'sqlite, postgres' })).toEqual({
      names: ['sqlite', 'postgres'],
      explicit: true,
    });
    expect(wantedTestDatabases({ SIMWATCH_TEST_DATABASES: 'sqlite' }).names).toEqual(['sqlite']);
  });
});

describe('testPostgresUrl()', () => {
  it('defaults to the simwatch role on 127.0.0.1, and completes a URL as psql would', () => {
    expect(testPostgresUrl({})).toBe('postgres://simwatch:simwatch@127.0.0.1:5432/simwatch_test');
    expect(
      testPostgresUrl({ SIMWATCH_TEST_POSTGRES_URL: 'postgres:///t', PGUSER: 'ada', PGHOST: '/s' }),
    ).toBe('postgres://ada@%2Fs:5432/t');
  });
});

describe('probeTestPostgres()', () => {
  it('says why when nothing listens at the address', async () => {
    // Port 1 on the loopback address: nothing listens there, so the connection is refused.
    expect(
      await probeTestPostgres('postgres://simwatch:simwatch@127.0.0.1:1/simwatch_test'),
    ).toMatch(/ECONNREFUSED/);
  });

  // Against the test server, when the run's global setup found it usable.
  it.skipIf(!inject('testPostgres').use)(
    'finds the test server usable, and says why with a wrong password',
    async () => {
      expect(await probeTestPostgres(testPostgresUrl())).toBeNull();
      const wrong = new URL(testPostgresUrl());
      wrong.username = 'simwatch_no_such_role';
      wrong.password = 'wrong';
      expect(await probeTestPostgres(wrong.toString())).toMatch(
        /password authentication failed|role "simwatch_no_such_role" does not exist|no pg_hba.conf entry/,
      );
    },
  );
});

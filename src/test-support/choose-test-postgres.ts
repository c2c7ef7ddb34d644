// Vitest global setup: decides once, before any test runs, whether the database tests also run
// on PostgreSQL, and tells the test workers (see testDatabases()).
import type { TestProject } from 'vitest/node';

import { redactPassword } from '../config/load-config.js';
import {
  probeTestPostgres,
  skippedPostgresNote,
  testPostgresUrl,
  wantedTestDatabases,
} from './test-postgres.js';

/**
 * Probes PostgreSQL when the tests may use it. Unreachable, it is left out with a note, unless
 * `SIMWATCH_TEST_DATABASES` asked for it: then the run fails at once, naming the reason.
 */
export default async function chooseTestPostgres(project: TestProject): Promise<void> {
  const wanted = wantedTestDatabases();
  if (!wanted.names.includes('postgres')) {
    project.provide('testPostgres', { use: false });
    return;
  }
  const url = testPostgresUrl();
  const problem = await probeTestPostgres(url);
  if (problem === null) {
    project.provide('testPostgres', { use: true });
    return;
  }
  if (wanted.explicit)
    throw new Error(
      `Cannot run the PostgreSQL tests that SIMWATCH_TEST_DATABASES="${process.env.SIMWATCH_TEST_DATABASES ?? ''}" ` +
        `asks for: cannot use ${redactPassword(url)} (${problem}). Start PostgreSQL and create ` +
        'the role (see .ci/run), set SIMWATCH_TEST_POSTGRES_URL, or leave postgres out.',
    );
  console.warn(`\n${skippedPostgresNote(url, problem)}\n`);
  project.provide('testPostgres', { use: false });
}

import pg from 'pg';

import { completePostgresUrl, postgresDefaults } from '../config/complete-postgres-url.js';
import { redactPassword } from '../config/load-config.js';

/** Whether the database tests run on PostgreSQL too, as decided once before any test runs. */
export interface TestPostgresChoice {
  use: boolean;
}

declare module 'vitest' {
  export interface ProvidedContext {
    testPostgres: TestPostgresChoice;
  }
}

/** The databases the tests were asked for, and whether they were asked for explicitly. */
export interface WantedTestDatabases {
  names: string[];
  /** True when `SIMWATCH_TEST_DATABASES` is set: then a database that cannot be used fails the run. */
  explicit: boolean;
}

/**
 * Reads `SIMWATCH_TEST_DATABASES` (for example `sqlite,postgres`, as `.ci/run` sets it). Unset,
 * the tests use SQLite, and PostgreSQL as well when it can be reached.
 */
export function wantedTestDatabases(env: NodeJS.ProcessEnv = process.env): WantedTestDatabases {
  const value = env.SIMWATCH_TEST_DATABASES?.trim();
  if (value === undefined || value === '')
    return { names: ['sqlite', 'postgres'], explicit: false };
  return { names: value.split(',').map((name) => name.trim()), explicit: true };
}

/**
 * The server and role the tests make their databases through: `SIMWATCH_TEST_POSTGRES_URL`
 * (default postgres://simwatch:simwatch@127.0.0.1:5432/simwatch_test), completed as `psql` would.
 */
export function testPostgresUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.SIMWATCH_TEST_POSTGRES_URL?.trim();
  return completePostgresUrl(
    url === undefined || url === ''
      ? 'postgres://simwatch:simwatch@127.0.0.1:5432/simwatch_test'
      : url,
    postgresDefaults(env),
  );
}

/**
 * Connects once (giving up after `timeoutMs`) and checks that the role may create databases, as
 * every PostgreSQL test does. Returns why PostgreSQL cannot be used, or null when it can.
 */
export async function probeTestPostgres(url: string, timeoutMs = 3_000): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const { rows } = await client.query<{ allowed: boolean }>(
      'select rolcreatedb or rolsuper as allowed from pg_roles where rolname = current_user',
    );
    return rows[0]?.allowed === true ? null : 'the role may not create databases (createdb)';
  } catch (error) {
    return error instanceof Error && error.message !== '' ? error.message : String(error);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The note printed once when the PostgreSQL tests are skipped: why, and how to run them. */
export function skippedPostgresNote(url: string, problem: string): string {
  return [
    `Skipping the PostgreSQL tests: cannot use ${redactPassword(url)} (${problem}).`,
    'The database tests run on SQLite only. To run them on PostgreSQL as well, give a role that',
    'may create databases and ask for both, so that an unreachable server fails the run:',
    '  SIMWATCH_TEST_DATABASES=sqlite,postgres \\',
    '  SIMWATCH_TEST_POSTGRES_URL=postgres://USER:PASSWORD@HOST:5432/DATABASE npm test',
    '(.ci/run shows how to create the default role, simwatch, and its database.)',
  ].join('\n');
}

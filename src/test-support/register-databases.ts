import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import pg from 'pg';
import { inject } from 'vitest';

import { loadConfig, type Config } from '../config/load-config.js';
import { testPostgresUrl, wantedTestDatabases } from './test-postgres.js';

/** A database the register's tests run on, and how to make a fresh, empty one. */
export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A configuration for a new empty register; `cleanUp` removes it. */
  create(): Promise<{ config: Config; cleanUp: () => Promise<void> }>;
}

/**
 * The databases under test: SQLite, and PostgreSQL when the run's global setup found it usable
 * (src/test-support/choose-test-postgres.ts). `SIMWATCH_TEST_DATABASES` narrows them (for example
 * to `sqlite`), or asks for PostgreSQL explicitly, as CI does: then a PostgreSQL that cannot be
 * used fails the run instead of being skipped. PostgreSQL is reached at
 * `SIMWATCH_TEST_POSTGRES_URL` (default postgres://simwatch:simwatch@127.0.0.1:5432/simwatch_test);
 * each test gets a database of its own, made from it and dropped afterwards.
 */
export function testDatabases(): TestDatabase[] {
  const wanted = wantedTestDatabases().names;
  // Without the global setup's answer (another Vitest configuration), PostgreSQL is not skipped.
  const postgres = (inject('testPostgres') as { use: boolean } | undefined)?.use ?? true;
  const all: TestDatabase[] = [
    { name: 'sqlite', create: createSqlite },
    ...(postgres ? [{ name: 'postgres' as const, create: createPostgres }] : []),
  ];
  return all.filter((database) => wanted.includes(database.name));
}

async function createSqlite() {
  const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-test-'));
  return {
    config: loadConfig({ SIMWATCH_DATA_DIR: dataDir }),
    cleanUp: () => rm(dataDir, { recursive: true, force: true }),
  };
}

const adminUrl = testPostgresUrl();

async function createPostgres() {
  const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-test-'));
  const name = `simwatch_t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: loadConfig({ SIMWATCH_DATA_DIR: dataDir, DATABASE_URL: url.toString() }),
    cleanUp: async () => {
      await dropDatabase(name);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Drops a test database. `with (force)` ends the test's own connections, but the test role may
 * not end an autovacuum worker that happens to be in the database (PostgreSQL then answers "must
 * be a member of the role whose process is being terminated"): such a worker soon leaves, so try
 * again for a few seconds.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminQuery(`drop database if exists ${name} with (force)`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 20 || (code !== '42501' && code !== '55006')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

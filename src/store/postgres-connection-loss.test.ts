import pg from 'pg';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { testDatabases } from '../test-support/register-databases.js';
import { testPostgresUrl } from '../test-support/test-postgres.js';
import { createDatabase, type RegisterDatabase } from './create-database.js';

const postgres = testDatabases().find((database) => database.name === 'postgres');

const backendPid = async (database: RegisterDatabase): Promise<number | undefined> =>
  (await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(database.db)).rows[0]?.pid;

describe.runIf(postgres)('a register on PostgreSQL whose idle connection the server ends', () => {
  let database: RegisterDatabase | undefined;
  let cleanUp: (() => Promise<void>) | undefined;

  afterEach(async () => {
    vi.restoreAllMocks();
    await database?.db.destroy();
    await cleanUp?.();
  });

  it('says so on standard error, stays up, and answers the next query on a new connection', async () => {
    if (!postgres) return;
    const created = await postgres.create();
    cleanUp = created.cleanUp;
    database = await createDatabase(created.config);
    const pid = await backendPid(database);
    expect(pid).toBeTypeOf('number');
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });

    // An administrator (or a restart) ends the pool's idle connection.
    const admin = new pg.Client({ connectionString: testPostgresUrl() });
    await admin.connect();
    try {
      await admin.query('select pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await vi.waitFor(() => {
      expect(written.join('')).toMatch(/^Warning: a PostgreSQL connection was closed: /m);
    });

    expect(await backendPid(database)).not.toBe(pid);
  });
});

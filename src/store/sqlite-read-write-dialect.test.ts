import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { sql, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { loadConfig } from '../config/load-config.js';
import { testDatabases } from '../test-support/register-databases.js';
import { createDatabase, type RegisterDatabase } from './create-database.js';
import type { DatabaseSchema } from './schema.js';

// A type, not an interface: `withTables` wants an index signature.
type ProbeTables = {
  probe: { id: number };
  scratch: { n: number };
};

/** Settles with `value`, or with 'still waiting' if it takes longer than `ms`. */
function within<T>(ms: number, value: Promise<T>): Promise<T | 'still waiting'> {
  return Promise.race([
    value,
    new Promise<'still waiting'>((resolve) =>
      setTimeout(() => {
        resolve('still waiting');
      }, ms),
    ),
  ]);
}

/** A write transaction that inserts a row, then stays open until `commit()` is called. */
function holdWriteTransaction(db: Kysely<DatabaseSchema & ProbeTables>) {
  let commit!: () => void;
  let written!: () => void;
  const released = new Promise<void>((resolve) => (commit = resolve));
  const wrote = new Promise<void>((resolve) => (written = resolve));
  const done = db.transaction().execute(async (trx) => {
    await trx.insertInto('probe').values({ id: 1 }).execute();
    written();
    await released;
  });
  return { wrote, commit, done };
}

for (const database of testDatabases()) {
  describe(`reads beside a write transaction, on ${database.name}`, () => {
    let opened: RegisterDatabase;
    let db: Kysely<DatabaseSchema & ProbeTables>;
    let cleanUp: () => Promise<void>;

    beforeEach(async () => {
      const created = await database.create();
      cleanUp = created.cleanUp;
      opened = await createDatabase(created.config);
      db = opened.db.withTables<ProbeTables>();
      await sql`create table probe (id integer primary key)`.execute(db);
    });

    afterEach(async () => {
      await opened.db.destroy();
      await cleanUp();
    });

    it('answers a select while another flow holds a write transaction, without its rows', async () => {
      const writing = holdWriteTransaction(db);
      await writing.wrote;
      const read = await within(2_000, db.selectFrom('probe').selectAll().execute());
      writing.commit();
      await writing.done;
      expect(read).toEqual([]);
    });

    it('sees the rows once the transaction has committed', async () => {
      const writing = holdWriteTransaction(db);
      await writing.wrote;
      writing.commit();
      await writing.done;
      expect(await db.selectFrom('probe').selectAll().execute()).toEqual([{ id: 1 }]);
    });

    it('sees a write made outside a transaction at the next read', async () => {
      await db.insertInto('probe').values({ id: 2 }).execute();
      expect(await db.selectFrom('probe').select('id').execute()).toEqual([{ id: 2 }]);
    });

    it('reads inside a transaction see its own writes', async () => {
      const seen = await db.transaction().execute(async (trx) => {
        await trx.insertInto('probe').values({ id: 3 }).execute();
        return trx.selectFrom('probe').select('id').execute();
      });
      expect(seen).toEqual([{ id: 3 }]);
    });

    it('reads back a temporary table on the connection that made it', async () => {
      const rows = await db.connection().execute(async (connection) => {
        // A select first, before the connection writes anything.
        await connection.selectFrom('probe').selectAll().execute();
        await sql`create temporary table scratch (n integer)`.execute(connection);
        await sql`insert into scratch (n) values (7)`.execute(connection);
        return connection.selectFrom('scratch').select('n').execute();
      });
      expect(rows).toEqual([{ n: 7 }]);
    });

    it('refuses queries once destroyed', async () => {
      await db.selectFrom('probe').selectAll().execute();
      await opened.db.destroy();
      await expect(db.selectFrom('probe').selectAll().execute()).rejects.toThrow();
    });
  });
}

describe('the SQLite reader connection', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'simwatch-test-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const open = (sqlitePath: string) =>
    createDatabase({ ...loadConfig({ SIMWATCH_DATA_DIR: dataDir }), sqlitePath });

  it('opens on a file that did not exist, in a folder that did not exist', async () => {
    const path = join(dataDir, 'new', 'register.sqlite');
    const { db } = await open(path);
    try {
      expect(await db.selectFrom('record_head').select('seq').execute()).toEqual([{ seq: 0 }]);
    } finally {
      await db.destroy();
    }
  });

  it('closes with the writer on destroy, which leaves no write-ahead log behind', async () => {
    const path = join(dataDir, 'register.sqlite');
    const { db } = await open(path);
    await db.selectFrom('record_head').select('seq').execute();
    expect(existsSync(`${path}-wal`)).toBe(true);
    await db.destroy();
    // SQLite removes the log only when the last connection to the file closes.
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('keeps an in-memory database on its one connection', async () => {
    const { db } = await open(':memory:');
    try {
      const probe = db.withTables<ProbeTables>();
      await sql`create table probe (id integer primary key)`.execute(probe);
      await probe.insertInto('probe').values({ id: 4 }).execute();
      expect(await probe.selectFrom('probe').select('id').execute()).toEqual([{ id: 4 }]);
    } finally {
      await db.destroy();
    }
  });
});

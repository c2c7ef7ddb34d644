import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import type { Config } from '../../config/load-config.js';
import { accountsMigration, migrations } from '../../store/migrations.js';
import { appendEvent, readAllEvents } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { loadSigningKey } from './signing-key-file.js';
import { verifyLedger } from './verify-ledger.js';
import { writeCheckpoint } from './write-checkpoint.js';

for (const database of testDatabases()) {
  describe(`a register whose accounts were made before they were recorded, on ${database.name}`, () => {
    let config: Config;
    let cleanUp: () => Promise<void>;
    let deps: AppDeps | undefined;

    beforeEach(async () => {
      const created = await database.create();
      config = created.config;
      cleanUp = created.cleanUp;
      await makeOldRegister(config);
    });

    afterEach(async () => {
      await deps?.close();
      await cleanUp();
    });

    it('records its accounts once, signed, on opening, and then verifies', async () => {
      deps = await createAppDeps(config, { screening: false });
      const key = await loadSigningKey(config.signingKeyPath, { create: true });
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({ ok: true, events: 2 });
      const events = await readAllEvents(deps.database.db);
      expect(events[1]).toMatchObject({
        type: 'accounts.adopted',
        actor: 'simwatch',
        payload: {
          accounts: [
            { username: 'ada', role: 'administrator', disabled: false },
            { username: 'rita', role: 'reviewer', disabled: true },
          ],
        },
      });
      expect(JSON.stringify(events)).not.toContain('scrypt$');
      await deps.close();
      deps = await createAppDeps(config, { screening: false });
      expect(await readAllEvents(deps.database.db)).toHaveLength(2);
    });

    it('catches an account added outside simwatch after the upgrade', async () => {
      deps = await createAppDeps(config, { screening: false });
      await sql`insert into users (username, display_name, role, password_hash, disabled, created_at, created_by)
        values ('mallory', 'Mallory', 'administrator', 'x', 0, '2026-01-01', 'ada')`.execute(
        deps.database.db,
      );
      await deps.close();
      deps = await createAppDeps(config, { screening: false });
      const key = await loadSigningKey(config.signingKeyPath, { create: true });
      expect(await verifyLedger(deps.database.db, key)).toMatchObject({
        ok: false,
        problem: 'Row mallory of table users is not in the record (added outside simwatch)',
      });
    });
  });
}

/** The schema before accounts were recorded, one signed event, and two accounts. */
async function makeOldRegister(config: Config): Promise<void> {
  const db = openWithoutMigrating(config);
  try {
    const earlier = Object.fromEntries(
      Object.entries(migrations).filter(([name]) => name < accountsMigration),
    );
    const { error } = await new Migrator({
      db,
      provider: { getMigrations: () => Promise.resolve(earlier) },
    }).migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error('the migration failed');
    await db.transaction().execute(async (trx) => {
      await appendEvent(trx, {
        time: '2026-11-20T10:00:00.000Z',
        actor: 'ana',
        type: 'review.created',
        payload: {
          review: { id: 1, name: 'Review', openedOn: null, closesOn: null, questions: [] },
        },
      });
      await sql`insert into reviews (id, name, opened_on, closes_on, questions)
        values (1, 'Review', null, null, '[]')`.execute(trx);
      await sql`insert into users (username, display_name, role, password_hash, disabled, created_at, created_by) values
        ('ada', 'Ada', 'administrator', 'scrypt$1$2$3$abc$def', 0, '2026-11-01T00:00:00.000Z', 'simwatch'),
        ('rita', 'Rita', 'reviewer', 'scrypt$1$2$3$abc$ghi', 1, '2026-11-02T00:00:00.000Z', 'ada')`.execute(
        trx,
      );
    });
    const key = await loadSigningKey(config.signingKeyPath, { create: true });
    await writeCheckpoint(
      {
        database: { db, dialect: config.databaseUrl ? 'postgres' : 'sqlite', location: '' },
        now: () => new Date('2026-11-20T10:00:00Z'),
      },
      key,
    );
  } finally {
    await db.destroy();
  }
}

function openWithoutMigrating(config: Config): Kysely<DatabaseSchema> {
  if (config.databaseUrl)
    return new Kysely({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: config.databaseUrl }) }),
    });
  return new Kysely({ dialect: new SqliteDialect({ database: new Database(config.sqlitePath) }) });
}

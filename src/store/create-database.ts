import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import type Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect } from 'kysely';

import { redactPassword, type Config } from '../config/load-config.js';
import { SimwatchError } from '../errors.js';
import { accountsMigration, migrationProvider } from './migrations.js';
import type { DatabaseSchema } from './schema.js';
import { SqliteReadWriteDialect } from './sqlite-read-write-dialect.js';

/** The register's database and which engine it runs on. */
export interface RegisterDatabase {
  db: Kysely<DatabaseSchema>;
  dialect: 'sqlite' | 'postgres';
  /** Where it is, fit to print (no password). */
  location: string;
  /**
   * True when bringing the schema up to date appended events to the record (the accounts of a
   * register made before accounts were recorded): the opener should sign the record.
   */
  recordGrewOnOpening?: boolean;
}

/** How long a writer waits for another process's write to finish before giving up (ms). */
const busyTimeoutMs = 15_000;

/**
 * Opens the database named by the configuration (PostgreSQL when `databaseUrl` is set, else the
 * SQLite file, created if missing) and brings its schema up to date.
 */
export async function createDatabase(config: Config): Promise<RegisterDatabase> {
  const opened = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openSqlite(config.sqlitePath);
  try {
    const ran = await migrate(opened.db);
    // Only a register that had accounts gets an event; a new one has none to record.
    if (ran.includes(accountsMigration) && (await hasAccounts(opened.db)))
      return { ...opened, recordGrewOnOpening: true };
  } catch (error) {
    await opened.db.destroy();
    throw new SimwatchError(
      'database',
      `Cannot prepare the database at ${opened.location}: ${describe(error)}`,
      { cause: error },
    );
  }
  return opened;
}

// Each driver is loaded only when its database is opened: `pg` alone takes longer to load than
// many a command takes to run on SQLite.
async function openSqlite(path: string): Promise<RegisterDatabase> {
  const { default: SqliteDatabase } = await import('better-sqlite3');
  let database: Database.Database;
  try {
    mkdirSync(dirname(path), { recursive: true });
    database = new SqliteDatabase(path);
    // Write-ahead logging lets readers carry on while one process writes; other writers wait.
    database.pragma('journal_mode = WAL');
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
  } catch (error) {
    throw new SimwatchError('database', `Cannot open the database "${path}": ${describe(error)}`, {
      cause: error,
    });
  }
  // Reads get a connection of their own, so they need not wait for a write transaction (as on
  // PostgreSQL); it opens at the first read, once the file exists in WAL mode.
  const openReader = (file: string) => {
    const reader = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    reader.pragma(`busy_timeout = ${busyTimeoutMs}`);
    return reader;
  };
  return {
    db: new Kysely<DatabaseSchema>({
      dialect: new SqliteReadWriteDialect({ writer: database, openReader }),
    }),
    dialect: 'sqlite',
    location: path,
  };
}

async function openPostgres(url: string): Promise<RegisterDatabase> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator, a dropped database) is an
  // 'error' event on the pool: unheard, it would bring the whole process down. The pool drops that
  // connection and opens another on the next query, which fails with its own error if need be.
  pool.on('error', (error) => {
    process.stderr.write(`Warning: a PostgreSQL connection was closed: ${error.message}\n`);
  });
  return {
    db: new Kysely<DatabaseSchema>({ dialect: new PostgresDialect({ pool }) }),
    dialect: 'postgres',
    location: redactPassword(url),
  };
}

async function hasAccounts(db: Kysely<DatabaseSchema>): Promise<boolean> {
  const rows = await db.selectFrom('users').select('username').limit(1).execute();
  return rows.length > 0;
}

/** Brings the schema up to date; returns the names of the migrations it ran. */
async function migrate(db: Kysely<DatabaseSchema>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error('the migration failed');
  return (results ?? []).map((result) => result.migrationName);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import { resolve } from 'node:path';

import { SimwatchError } from '../errors.js';

/** simwatch's settings, read once at start-up from the environment. */
export interface Config {
  /** Where the embedded database, the documents and the signing key live. */
  dataDir: string;
  /** Set when the register is on PostgreSQL (`DATABASE_URL=postgres://...`). */
  databaseUrl: string | undefined;
  /** The SQLite file, used when there is no `databaseUrl`. */
  sqlitePath: string;
  /** The content-addressed store of original documents. */
  documentsDir: string;
  /** The deployment's Ed25519 key that signs the record's checkpoints. */
  signingKeyPath: string;
  /** Who the CLI records as making changes when `--actor` is not given. */
  defaultActor: string;
}

/**
 * Reads the configuration: `SIMWATCH_DATA_DIR` (default `./data`), `DATABASE_URL` (PostgreSQL;
 * SQLite when unset), `SIMWATCH_SQLITE_PATH` (default `<data dir>/simwatch.db`) and
 * `SIMWATCH_ACTOR` (who makes changes from the CLI; default the login name). The only place that
 * reads the environment.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, nonEmpty(env.SIMWATCH_DATA_DIR) ?? 'data');
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new SimwatchError(
      'usage',
      `Cannot use DATABASE_URL "${redactPassword(databaseUrl)}": it must start with postgres:// or postgresql://`,
    );
  }
  return Object.freeze({
    dataDir,
    databaseUrl,
    sqlitePath: resolve(dataDir, nonEmpty(env.SIMWATCH_SQLITE_PATH) ?? 'simwatch.db'),
    documentsDir: resolve(dataDir, 'documents'),
    signingKeyPath: resolve(dataDir, 'record-signing-key.pem'),
    defaultActor: nonEmpty(env.SIMWATCH_ACTOR) ?? nonEmpty(env.USER) ?? 'simwatch',
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** A database URL fit to print: any password replaced. */
export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}

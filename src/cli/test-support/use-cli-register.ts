import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';

import type { Config } from '../../config/load-config.js';
import type { TestDatabase } from '../../test-support/register-databases.js';
import { runCli, type CliRun } from './run-cli.js';

const organisations = fileURLToPath(
  new URL('../register/test-fixtures/organisations.csv', import.meta.url),
);

/** A register made by `simwatch init` and `org import`, and a working folder to run the CLI in. */
export interface CliRegister {
  /** Runs the built `simwatch` on this register, in the working folder. */
  cli: (...args: string[]) => Promise<CliRun>;
  /** The working folder (removed afterwards). */
  work: () => string;
  /** The environment that points the CLI at this register. */
  env: () => NodeJS.ProcessEnv;
  /** The register's configuration, for tests that open its database themselves. */
  config: () => Config;
}

/**
 * Makes a fresh register on the database for each test (or, with `each: 'file'`, once for the
 * tests of the enclosing `describe`), with the three fixture organisations imported, and removes
 * it afterwards.
 */
export function useCliRegister(
  database: TestDatabase,
  options: { each?: 'test' | 'file' } = {},
): CliRegister {
  let made: { config: Config; cleanUp: () => Promise<void>; work: string } | undefined;
  const current = () => {
    if (!made) throw new Error('The CLI register is made before each test; use it inside one');
    return made;
  };
  const env = (): NodeJS.ProcessEnv => ({
    SIMWATCH_DATA_DIR: current().config.dataDir,
    DATABASE_URL: current().config.databaseUrl ?? '',
    SIMWATCH_ACTOR: 'tester',
  });
  const cli = (...args: string[]) => runCli(args, { env: env(), cwd: current().work });

  const [before, after] = options.each === 'file' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    const created = await database.create();
    made = { ...created, work: await mkdtemp(join(tmpdir(), 'simwatch-cli-')) };
    expect((await cli('init')).status).toBe(0);
    expect((await cli('org', 'import', organisations)).stdout).toMatch(/3 added/);
  });
  after(async () => {
    if (!made) return;
    await made.cleanUp();
    await rm(made.work, { recursive: true, force: true });
    made = undefined;
  });
  return { cli, work: () => current().work, env, config: () => current().config };
}

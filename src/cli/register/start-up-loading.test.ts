import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../test-support/run-cli.js';

// What a command loads decides how fast it starts (see "Start-up" in docs/benchmarks.md). These tests run
// the built CLI with a module hook that writes down every module loaded, and check that a command
// loads nothing it does not use; the timings themselves are printed by `npm run bench`.
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'simwatch-start-up-'));
  await writeFile(
    join(folder, 'hooks.mjs'),
    `import { appendFileSync } from 'node:fs';
let logFile;
export function initialize(data) { logFile = data.logFile; }
export async function load(url, context, next) {
  appendFileSync(logFile, url + '\\n');
  return next(url, context);
}
`,
  );
  await writeFile(
    join(folder, 'register.mjs'),
    `import { register } from 'node:module';
register(${JSON.stringify(pathToFileURL(join(folder, 'hooks.mjs')).href)}, import.meta.url, {
  data: { logFile: process.env.SIMWATCH_TEST_LOAD_LOG },
});
`,
  );
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

/** Runs the CLI and returns the modules it loaded, as paths inside the project. */
async function modulesLoadedBy(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string[]> {
  const logFile = join(folder, `loaded-${args.join('-')}.txt`);
  await writeFile(logFile, '');
  const run = await runCli(args, {
    env: {
      ...env,
      NODE_OPTIONS: `--import ${join(folder, 'register.mjs')}`,
      SIMWATCH_TEST_LOAD_LOG: logFile,
    },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (await readFile(logFile, 'utf8'))
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => url.replace(/^.*?\/(dist|node_modules|bin)\//, '$1/'));
}

describe('what a command loads', () => {
  it('loads no package and none of the commands for --version and --help', async () => {
    for (const option of ['--version', '--help']) {
      const loaded = await modulesLoadedBy([option]);
      expect(loaded).toContain('dist/cli/main.js');
      expect(loaded.filter((path) => path.startsWith('node_modules/'))).toEqual([]);
      expect(loaded.filter((path) => path.includes('/register/'))).toEqual([]);
    }
  });

  it('loads neither screening nor the PostgreSQL driver for status on SQLite', async () => {
    const dataDir = join(folder, 'register');
    const loaded = await modulesLoadedBy(['status'], {
      SIMWATCH_DATA_DIR: dataDir,
      DATABASE_URL: '',
    });
    expect(loaded).toContain('dist/cli/register/status-commands.js');
    expect(loaded.some((path) => path.startsWith('node_modules/kysely/'))).toBe(true);
    // The document pipeline is built (idle) for every command: its limits, plain constants, load.
    const constants = new Set(['dist/extract/extraction-limits.js']);
    expect(
      loaded.filter((path) => /^dist\/(screening|extract)\//.test(path) && !constants.has(path)),
    ).toEqual([]);
    expect(
      loaded.filter((path) => /^node_modules\/(pg|mupdf|yaml|pg-[a-z-]+)\//.test(path)),
    ).toEqual([]);
  });
});

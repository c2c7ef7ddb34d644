import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { checkWitness, type WitnessVerdict } from '../coproduction/witness/check-witness.js';
import {
  readCheckpointsAnswer,
  readConsistencyAnswer,
  type ConsistencyAnswer,
} from '../coproduction/witness/consistency-answer.js';
import {
  addCheckpoint,
  createWitnessFile,
  formatWitnessFile,
  parseWitnessFile,
  type WitnessFile,
} from '../coproduction/witness/witness-file.js';
import { SimwatchError } from '../errors.js';
import { keyIdOf, type Checkpoint } from '../record/checkpoint.js';
import type { CliCommand } from './cli-command.js';
import { describeParseArgsError } from './describe-parse-args-error.js';
import { exitStatus } from './exit-status.js';
import { defineCommandGroup } from './register/define-register-command.js';
import { reportUsageError } from './report-usage-error.js';
import type { Terminal } from './terminal.js';

const saveUsage = 'Usage: simwatch witness save --server URL --out FILE [--key-id ID] [--json]';
const checkUsage = 'Usage: simwatch witness check FILE [--server URL] [--json]';

const saveHelp = `Keeps your own copy of the record's signed checkpoints, so that you can later
prove the history you were shown was not rewritten. Fetches the server's latest
checkpoint, checks its signature with the key in FILE and that it extends every
checkpoint FILE already holds (RFC 9162 consistency proofs), then adds it to
FILE. The first save starts FILE with the server's public key (pin the key you
expect with --key-id ID; the open data page shows it). Nothing is saved when the
record contradicts a saved checkpoint: the message says which (exit status 1).`;

const checkHelp = `Checks that the record a server shows now extends every checkpoint saved in
FILE (by "simwatch witness save", or downloaded from the agreement page): the
latest checkpoint is signed by FILE's key, and a consistency proof joins each
saved root to it. Prints "consistent: the history you saw is a prefix of the
record now", or names the saved checkpoint the record contradicts, with the
conflicting checkpoint signed by the same key when there is one: proof that
the history was rewritten (exit status 1). --server defaults to FILE's server.`;

const saveCommand: CliCommand = {
  name: 'witness save',
  summary: "Save the server's latest signed checkpoint after checking it extends your copy",
  async run(args, terminal) {
    const parsed = parse(args, terminal, saveUsage, {
      server: { type: 'string' },
      out: { type: 'string' },
      'key-id': { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    if (parsed.help) return help(terminal, saveUsage, saveHelp);
    const { server, out, 'key-id': keyId } = parsed.values;
    if (server === undefined || out === undefined)
      return usage(terminal, saveUsage, 'Cannot save: --server URL and --out FILE are required');
    const path = resolve(terminal.cwd, out);
    const saved = await readWitness(path, { missingIsNew: true });
    const file = saved ?? createWitnessFile(server, await fetchKey(server));
    if (keyId !== undefined && file.keyId !== keyId)
      throw new SimwatchError(
        'record_invalid',
        `Cannot save: the record is signed by key ${file.keyId}, not the ${keyId} you pinned`,
      );
    const verdict = await checkAgainst(server, file);
    if (verdict.kind !== 'consistent') return report(verdict, parsed.json, terminal);
    const grown = addCheckpoint(file, verdict.latest);
    await writeFile(`${path}.tmp`, formatWitnessFile(grown));
    await rename(`${path}.tmp`, path);
    const latest = verdict.latest;
    if (parsed.json)
      print(
        terminal,
        JSON.stringify({ ...verdict, saved: latest, kept: grown.checkpoints.length }),
      );
    else {
      if (file.checkpoints.length > 0) print(terminal, verdict.message);
      print(
        terminal,
        `Saved the checkpoint of ${latest.treeSize} events (root ${latest.rootHash}, signed ${latest.time} by key ${latest.keyId}) to "${out}", which keeps ${grown.checkpoints.length}`,
      );
    }
    return exitStatus.ok;
  },
};

const checkCommand: CliCommand = {
  name: 'witness check',
  summary: 'Prove the record still extends every checkpoint you saved, or that it was rewritten',
  async run(args, terminal) {
    const parsed = parse(args, terminal, checkUsage, { server: { type: 'string' } });
    if (typeof parsed === 'number') return parsed;
    if (parsed.help) return help(terminal, checkUsage, checkHelp);
    const [name, ...rest] = parsed.positionals;
    if (name === undefined || rest.length > 0)
      return usage(terminal, checkUsage, 'Cannot check: give one witness file');
    const file = await readWitness(resolve(terminal.cwd, name), { missingIsNew: false });
    if (!file || file.checkpoints.length === 0)
      throw new SimwatchError('invalid_input', `Cannot check "${name}": it holds no checkpoints`);
    const verdict = await checkAgainst(parsed.values.server ?? file.server, file);
    return report(verdict, parsed.json, terminal);
  },
};

/** `simwatch witness save|check`: a party's own copy of the record's checkpoints. */
export const witnessCommand = defineCommandGroup(
  'witness',
  "Keep your own copy of the record's checkpoints and prove it was not rewritten",
  [saveCommand, checkCommand],
);

async function checkAgainst(server: string, file: WitnessFile): Promise<WitnessVerdict> {
  const latest = readAnswer(
    await fetchJson(server, '/record/checkpoints.json'),
    readCheckpointsAnswer,
  ).latest;
  if (!latest)
    throw new SimwatchError('not_found', `Cannot check: ${server} has signed no checkpoint yet`);
  const answers = new Map<number, ConsistencyAnswer>();
  for (const saved of file.checkpoints) {
    if (saved.treeSize > latest.treeSize || saved.treeSize === latest.treeSize) continue;
    const json = await fetchJson(
      server,
      `/record/consistency.json?from=${saved.treeSize}&to=${latest.treeSize}`,
      { refusalIsAnswer: true },
    );
    // A refusal leaves the size without a proof: the verdict then says it could not be checked.
    if (json !== undefined) answers.set(saved.treeSize, readAnswer(json, readConsistencyAnswer));
  }
  return checkWitness(file, latest, answers);
}

function report(verdict: WitnessVerdict, json: boolean, terminal: Terminal): number {
  if (json) print(terminal, JSON.stringify(verdict));
  else {
    print(terminal, verdict.message);
    if (verdict.kind === 'consistent')
      print(
        terminal,
        `Checked ${verdict.checked} saved checkpoint(s) against the record's latest: ${describe(verdict.latest)}`,
      );
    if (verdict.kind === 'rewritten') {
      for (const each of verdict.contradictions.slice(1))
        print(
          terminal,
          `Also contradicted: the checkpoint of ${each.saved.treeSize} events: ${each.reason}`,
        );
      const proof = verdict.contradictions.find((each) => each.conflicting !== null);
      if (proof)
        print(
          terminal,
          `Keep this as proof; both checkpoints carry the record key's signature:\n  saved:  ${JSON.stringify(proof.saved)}\n  served: ${JSON.stringify(proof.conflicting)}`,
        );
    }
  }
  return verdict.kind === 'consistent'
    ? exitStatus.ok
    : verdict.kind === 'rewritten'
      ? exitStatus.failOnFound
      : exitStatus.cannotRun;
}

function describe(checkpoint: Checkpoint): string {
  return `${checkpoint.treeSize} events, root ${checkpoint.rootHash}, signed ${checkpoint.time}`;
}

async function fetchKey(server: string): Promise<string> {
  const response = await get(server, '/record/key.pem');
  if (!response.ok) throw refused(server, '/record/key.pem', response.status);
  const pem = await response.text();
  try {
    keyIdOf(pem);
  } catch (error) {
    throw new SimwatchError(
      'invalid_input',
      `Cannot use the key from ${server}: ${(error as Error).message}`,
    );
  }
  return pem;
}

async function fetchJson(
  server: string,
  path: string,
  options: { refusalIsAnswer?: boolean } = {},
): Promise<unknown> {
  const response = await get(server, path);
  if (!response.ok) {
    if (options.refusalIsAnswer === true && response.status >= 400 && response.status < 500)
      return undefined;
    throw refused(server, path, response.status);
  }
  try {
    return await response.json();
  } catch {
    throw new SimwatchError('invalid_input', `Cannot read ${server}${path}: it is not JSON`);
  }
}

async function get(server: string, path: string): Promise<Response> {
  const url = `${server.replace(/\/+$/, '')}${path}`;
  try {
    return await fetch(url, { signal: AbortSignal.timeout(30_000), redirect: 'error' });
  } catch (error) {
    throw new SimwatchError(
      'unreadable',
      `Cannot reach ${url}: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
}

function refused(server: string, path: string, status: number): SimwatchError {
  return new SimwatchError(
    'unreadable',
    `Cannot read ${server}${path}: the server answered ${status}`,
  );
}

function readAnswer<T>(json: unknown, read: (value: unknown) => T): T {
  try {
    return read(json);
  } catch (error) {
    throw new SimwatchError('invalid_input', (error as Error).message);
  }
}

async function readWitness(
  path: string,
  options: { missingIsNew: boolean },
): Promise<WitnessFile | undefined> {
  let text;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (options.missingIsNew && (error as NodeJS.ErrnoException).code === 'ENOENT')
      return undefined;
    throw new SimwatchError('unreadable', `Cannot read "${path}": ${(error as Error).message}`, {
      cause: error,
    });
  }
  try {
    return parseWitnessFile(text);
  } catch (error) {
    throw new SimwatchError('invalid_input', (error as Error).message);
  }
}

type Options = Parameters<typeof parseArgs>[0] extends infer C
  ? C extends { options?: infer O }
    ? NonNullable<O>
    : never
  : never;

function parse(args: readonly string[], terminal: Terminal, synopsis: string, options: Options) {
  try {
    const parsed = parseArgs({
      args: [...args],
      options: { help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' }, ...options },
      allowPositionals: true,
      strict: true,
    });
    const values = parsed.values as Record<string, string | boolean | undefined>;
    return {
      help: values.help === true,
      json: values.json === true,
      positionals: parsed.positionals,
      values: Object.fromEntries(
        Object.entries(values).filter(
          (entry): entry is [string, string] => typeof entry[1] === 'string',
        ),
      ),
    };
  } catch (error) {
    return usage(
      terminal,
      synopsis,
      `Cannot run simwatch witness: ${describeParseArgsError(error)}`,
    );
  }
}

function usage(terminal: Terminal, synopsis: string, message: string): number {
  return reportUsageError(
    new SimwatchError('usage', message),
    terminal,
    `${synopsis}\nRun "simwatch witness --help" for the commands.`,
  );
}

function help(terminal: Terminal, synopsis: string, text: string): number {
  print(terminal, `${synopsis}\n\n${text}`);
  return exitStatus.ok;
}

function print(terminal: Terminal, line: string): void {
  terminal.stdout.write(`${line}\n`);
}

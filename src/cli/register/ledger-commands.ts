import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { loadConfig } from '../../config/load-config.js';
import { parseWitnessFile, witnessFileFormat } from '../../coproduction/witness/witness-file.js';
import { SimwatchError } from '../../errors.js';
import { eventLeafHash } from '../../record/event-hash.js';
import { inclusionProof, merkleRoot } from '../../record/merkle-tree.js';
import type { WitnessCheckpoints } from '../../record/find-witness-problem.js';
import { parseBundle } from '../../record/parse-bundle.js';
import { parseWitnessCheckpoints } from '../../record/parse-witness-checkpoints.js';
import { createBundle, verifyBundle } from '../../record/record-bundle.js';
import { verifyInclusion } from '../../record/verify-inclusion.js';
import { replayIntoNewDatabase } from '../../register/ledger/replay-record.js';
import {
  outsideTheRecord,
  verifyLedger,
  type LedgerVerdict,
} from '../../register/ledger/verify-ledger.js';
import { writeCheckpoint } from '../../register/ledger/write-checkpoint.js';
import { checkSearchIndex, rebuildSearchIndex } from '../../register/ledger/check-search-index.js';
import {
  listCheckpoints,
  listEvents,
  listLeafHashes,
  readAllEvents,
} from '../../register/ledger/record-reads.js';
import type { CliCommand } from '../cli-command.js';
import { exitStatus } from '../exit-status.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  requiredOption,
  stringOption,
  wholeNumber,
} from './define-register-command.js';

const verifyRegister = defineRegisterCommand({
  name: 'ledger verify',
  summary: 'Check the record, the tables and the stored originals: names the first problem',
  usage:
    'Usage: simwatch ledger verify [--against FILE] [--json]\n       simwatch ledger verify --bundle FILE [--key-id ID] [--against FILE] [--json]',
  help: `Checks the record: events numbered without gaps, each hash matching its event
and chained to the one before, every checkpoint signed by this deployment's key
with the Merkle root of the events it covers, checkpoints consistent with each
other, and the last checkpoint covering every event (events no signed
checkpoint covers could have been rewritten by anyone able to write to the
database). Then rebuilds the register's tables from the record and compares
them row by row with the database, and hashes every stored original (and
screening model file) against the SHA-256 its event recorded, naming each one
missing or altered. Exit status 0 when all is well, 1 when something was
altered (the message names the first bad event, row or file).

The signing key proves who signed, not that the record was never rewritten and
re-signed, or cut back to an older checkpoint: keep copies of the checkpoints
elsewhere. --against FILE checks the record against such a copy: the open
data's checkpoints.csv or checkpoints.json (from the open data page or
"simwatch export"), or a bundle from "simwatch ledger export". Every checkpoint
in FILE must be signed by this register's key and be a prefix of the record
(checked with a consistency proof); the first that is not is named.

With --bundle FILE it checks an exported bundle offline, with no register.
--key-id ID pins the signing key you trust (printed by "simwatch init").`,
  options: {
    bundle: { type: 'string' },
    'key-id': { type: 'string' },
    against: { type: 'string' },
  },
  async run({ values, deps, json, print, signingKey, terminal }) {
    const against = stringOption(values.against);
    const witness = against === undefined ? undefined : await readWitness(against, terminal.cwd);
    const verdict = await verifyLedger(deps.database.db, await signingKey(), {
      blobs: deps.blobs,
      ...(witness && { witness }),
    });
    return report(verdict, json, print);
  },
});

const signCommand = defineRegisterCommand({
  name: 'ledger sign',
  summary: 'Sign a checkpoint over events a stopped change left unsigned',
  usage: 'Usage: simwatch ledger sign [--against FILE] [--json]',
  help: `Every change signs a checkpoint when it finishes; a process stopped in between
(killed, or the machine lost power) leaves its last events unsigned, and
"simwatch ledger verify" then fails, naming them. This command signs a
checkpoint over them once the rest of the record checks: events, chain and
every existing checkpoint, and with --against FILE the checkpoints saved
elsewhere too. It refuses when anything else is wrong.

Sign only events you know are your own: whoever can write to the database can
also add or rewrite events that no checkpoint covers yet. Check them first
(for example with "simwatch ledger verify --against" your saved checkpoints).`,
  options: { against: { type: 'string' } },
  // It signs below rather than through the write path: nothing else changes.
  async run({ values, deps, json, print, signingKey, terminal }) {
    const against = stringOption(values.against);
    const witness = against === undefined ? undefined : await readWitness(against, terminal.cwd);
    const key = await signingKey();
    const verdict = await verifyLedger(deps.database.db, key, witness ? { witness } : {});
    if (!verdict.ok && verdict.uncovered !== true)
      throw new SimwatchError('record_invalid', `Cannot sign the record: ${verdict.problem}`);
    const checkpoint = verdict.ok ? undefined : await writeCheckpoint(deps, key);
    if (json) print(JSON.stringify({ signed: checkpoint ?? null }));
    else if (checkpoint)
      print(
        `Signed a checkpoint of ${checkpoint.treeSize} events (events ${verdict.ok ? '' : String(verdict.seq ?? 1)} to ${checkpoint.treeSize} were unsigned), root ${checkpoint.rootHash}`,
      );
    else print('Nothing to sign: a signed checkpoint already covers every event');
    return exitStatus.ok;
  },
});

/** `ledger verify`: a bundle is checked offline, without opening (or creating) a register. */
const verifyCommand: CliCommand = {
  name: verifyRegister.name,
  summary: verifyRegister.summary,
  async run(args, terminal) {
    const at = args.indexOf('--bundle');
    if (at === -1 || args.includes('--help') || args.includes('-h'))
      return verifyRegister.run(args, terminal);
    const file = args[at + 1];
    const keyAt = args.indexOf('--key-id');
    const againstAt = args.indexOf('--against');
    const json = args.includes('--json');
    if (!file) {
      terminal.stderr.write('Cannot verify: --bundle needs a file\n');
      return exitStatus.cannotRun;
    }
    const against = againstAt === -1 ? undefined : args[againstAt + 1];
    if (againstAt !== -1 && !against) {
      terminal.stderr.write('Cannot verify: --against needs a file\n');
      return exitStatus.cannotRun;
    }
    let bundle;
    try {
      bundle = parseBundle(await readFile(resolve(terminal.cwd, file), 'utf8'));
    } catch (error) {
      throw new SimwatchError(
        'record_invalid',
        `Cannot verify "${file}": ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const keyId = keyAt === -1 ? undefined : args[keyAt + 1];
    const witness = against === undefined ? undefined : await readWitness(against, terminal.cwd);
    const verdict = verifyBundle(bundle, {
      ...(keyId !== undefined && { keyId }),
      ...(witness && { witness }),
    });
    return report(verdict, json, (line) => terminal.stdout.write(`${line}\n`), { offline: true });
  },
};

async function readWitness(file: string, cwd: string): Promise<WitnessCheckpoints> {
  let text;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new SimwatchError(
      'unreadable',
      `Cannot read the checkpoints "${file}": ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  let checkpoints;
  try {
    // A party's file from "simwatch witness save" holds checkpoints too.
    checkpoints = text.includes(`"${witnessFileFormat}"`)
      ? parseWitnessFile(text).checkpoints
      : parseWitnessCheckpoints(text);
  } catch (error) {
    throw new SimwatchError(
      'invalid_input',
      `Cannot verify against "${file}": ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // An empty copy vouches for nothing; passing it would look like a check that was made.
  if (checkpoints.length === 0)
    throw new SimwatchError(
      'invalid_input',
      `Cannot verify against "${file}": it holds no checkpoints`,
    );
  return { checkpoints, source: `"${file}"` };
}

function report(
  verdict: LedgerVerdict,
  json: boolean,
  print: (line: string) => void,
  options: { offline?: boolean } = {},
): number {
  if (json) print(JSON.stringify(verdict));
  else if (verdict.ok) print(describeIntact(verdict));
  else {
    print(`The record FAILED verification: ${verdict.problem}`);
    if (verdict.uncovered && options.offline !== true)
      print(
        'If these events are your own (a change stopped before it was signed), check them, then run "simwatch ledger sign".',
      );
  }
  return verdict.ok ? exitStatus.ok : exitStatus.failOnFound;
}

function describeIntact(verdict: Extract<LedgerVerdict, { ok: true }>): string {
  const parts = [
    `The record is intact: ${verdict.events} events, ${verdict.checkpoints} signed checkpoints, root ${verdict.rootHash}`,
  ];
  if (verdict.storedFiles !== undefined)
    parts.push(`${verdict.storedFiles} stored files match their recorded SHA-256`);
  if (verdict.witnessed !== undefined)
    parts.push(`all ${verdict.witnessed} witnessed checkpoints match`);
  const intact = parts.join('; ');
  if (verdict.notInRecord === undefined) return intact;
  const unchecked = outsideTheRecord
    .filter((each) => verdict.notInRecord?.includes(each.table))
    .map((each) => `${each.what} (table ${each.table})`)
    .join(', ');
  return `${intact}\nNot checked, because the record does not hold them: ${unchecked}`;
}

const exportCommand = defineRegisterCommand({
  name: 'ledger export',
  summary: 'Write the whole record, confidential parts included, to a bundle for auditors',
  usage: 'Usage: simwatch ledger export --out FILE.json',
  help: `Writes every event, every signed checkpoint and the public key to one JSON file.
Check it anywhere with "simwatch ledger verify --bundle FILE".

The bundle is the whole record, confidential parts included: findings not yet
reviewed, public submissions held back, and co-production drafts, comments and
the secret marks of downloaded copies. Give it to auditors you trust, not to
the public. Anyone can hold the signed checkpoints instead (the open data, or
"simwatch witness save"): they show the record was not rewritten without
revealing what it holds.`,
  options: { out: { type: 'string' } },
  async run({ values, deps, print, signingKey, terminal }) {
    const out = resolve(terminal.cwd, requiredOption(values, 'out'));
    const key = await signingKey();
    const bundle = createBundle(
      {
        events: await readAllEvents(deps.database.db),
        checkpoints: await listCheckpoints(deps.database.db),
        publicKeyPem: key.publicKeyPem,
      },
      deps.now().toISOString(),
    );
    await writeFile(out, `${JSON.stringify(bundle)}\n`);
    print(
      `Wrote ${bundle.events.length} events and ${bundle.checkpoints.length} checkpoints to ${out} (key ${key.keyId})`,
    );
    return 0;
  },
});

const replayCommand = defineRegisterCommand({
  name: 'ledger replay',
  summary: "Rebuild the register's tables from the record alone, into a new database",
  usage: 'Usage: simwatch ledger replay --to FILE.db',
  help: `Builds a new SQLite database from the record: the events and checkpoints are
copied and every table is rebuilt by replaying the events in order. The result
is the same register, which "simwatch ledger verify" (with SIMWATCH_SQLITE_PATH
pointing at it) accepts. Use it to recover tables altered outside simwatch.`,
  options: { to: { type: 'string' } },
  async run({ values, deps, print, terminal }) {
    const to = resolve(terminal.cwd, requiredOption(values, 'to'));
    await replayIntoNewDatabase(deps.database.db, {
      ...loadConfig(terminal.env, terminal.cwd),
      databaseUrl: undefined,
      sqlitePath: to,
    });
    print(`Rebuilt the register from the record into ${to}`);
    return 0;
  },
});

const reindexCommand = defineRegisterCommand({
  name: 'ledger reindex',
  summary: "Rebuild the search index from the documents' pages",
  usage: 'Usage: simwatch ledger reindex',
  help: `The search index is not in the record: it is derived from the documents' pages,
and "simwatch ledger verify" compares the two, naming each page indexed with
other words, indexed but not in the register, or missing from the index. This
command rebuilds the index from the pages, then checks it again. The record
and the register's tables are not changed.`,
  options: {},
  async run({ deps, print }) {
    await rebuildSearchIndex(deps.database.db);
    const check = await checkSearchIndex(deps.database.db);
    if (!check.ok)
      throw new SimwatchError('internal', `Cannot rebuild the search index: ${check.problem}`);
    print("Rebuilt the search index from the documents' pages; it matches them");
    return exitStatus.ok;
  },
});

const proofCommand = defineRegisterCommand({
  name: 'ledger proof',
  summary: 'Print an inclusion proof of one event in the latest checkpoint',
  usage: 'Usage: simwatch ledger proof SEQ [--json]',
  help: `Prints the RFC 9162 inclusion proof that event SEQ is in the tree signed by the
latest checkpoint: the event's leaf hash and the sibling hashes up to the root.`,
  options: { seq: { type: 'string' } },
  async run({ positionals, values, deps, json, print }) {
    const seq = wholeNumber(positionals[0] ?? stringOption(values.seq), 'the event number');
    const checkpoint = (await listCheckpoints(deps.database.db)).at(-1);
    if (!checkpoint || checkpoint.treeSize < seq)
      throw new SimwatchError(
        'not_found',
        `Cannot prove event ${seq}: no checkpoint covers it yet`,
      );
    const leaves = await listLeafHashes(deps.database.db, checkpoint.treeSize);
    let leaf: string | undefined;
    for await (const event of listEvents(deps.database.db, seq)) {
      leaf = eventLeafHash(event);
      break;
    }
    if (!leaf) throw new SimwatchError('not_found', `Cannot find event ${seq}`);
    const proof = inclusionProof(seq - 1, leaves);
    const verified = verifyInclusion({
      index: seq - 1,
      treeSize: checkpoint.treeSize,
      leafHash: leaf,
      proof,
      rootHash: checkpoint.rootHash,
    });
    const result = {
      seq,
      leafHash: leaf,
      treeSize: checkpoint.treeSize,
      rootHash: checkpoint.rootHash,
      proof,
      verified,
      recomputedRoot: merkleRoot(leaves),
    };
    if (json) print(JSON.stringify(result, null, 2));
    else {
      print(
        `Event ${seq} (leaf ${leaf}) is in the ${checkpoint.treeSize}-event tree with root ${checkpoint.rootHash}:`,
      );
      for (const hash of proof) print(`  ${hash}`);
      print(verified ? 'The proof checks.' : 'The proof does NOT check.');
    }
    return verified ? 0 : 1;
  },
});

/** `simwatch ledger ...`: the tamper-evident record. */
export const ledgerCommand = defineCommandGroup(
  'ledger',
  'Verify, export, replay and prove the record; rebuild the search index',
  [verifyCommand, signCommand, exportCommand, replayCommand, reindexCommand, proofCommand],
);

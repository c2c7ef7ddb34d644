import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { loadConfig } from '../../config/load-config.js';
import { SimwatchError } from '../../errors.js';
import { eventLeafHash } from '../../record/event-hash.js';
import { inclusionProof, merkleRoot } from '../../record/merkle-tree.js';
import { parseBundle } from '../../record/parse-bundle.js';
import { createBundle, verifyBundle } from '../../record/record-bundle.js';
import { verifyInclusion } from '../../record/verify-inclusion.js';
import { replayRecord } from '../../register/ledger/replay-record.js';
import { verifyLedger, type LedgerVerdict } from '../../register/ledger/verify-ledger.js';
import { createDatabase } from '../../store/create-database.js';
import {
  listCheckpoints,
  listEvents,
  listLeafHashes,
  readAllEvents,
} from '../../store/record-repository.js';
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
  summary: 'Check the record and the tables: names the first bad event',
  usage:
    'Usage: simwatch ledger verify [--json]\n       simwatch ledger verify --bundle FILE [--key-id ID] [--json]',
  help: `Checks the record: events numbered without gaps, each hash matching its event
and chained to the one before, every checkpoint signed by this deployment's key
with the Merkle root of the events it covers, and checkpoints consistent with
each other. Then rebuilds the register's tables from the record and compares
them row by row with the database. Exit status 0 when all is well, 1 when
something was altered (the message names the first bad event or row).

With --bundle FILE it checks an exported bundle offline, with no register.
--key-id ID pins the signing key you trust (printed by "simwatch init").`,
  options: { bundle: { type: 'string' }, 'key-id': { type: 'string' } },
  async run({ deps, json, print, signingKey }) {
    const verdict = await verifyLedger(deps.database.db, await signingKey());
    return report(verdict, json, print);
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
    const json = args.includes('--json');
    if (!file) {
      terminal.stderr.write('Cannot verify: --bundle needs a file\n');
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
    const verdict = verifyBundle(bundle, keyId === undefined ? {} : { keyId });
    return report(verdict, json, (line) => terminal.stdout.write(`${line}\n`));
  },
};

function report(verdict: LedgerVerdict, json: boolean, print: (line: string) => void): number {
  if (json) print(JSON.stringify(verdict));
  else if (verdict.ok)
    print(
      `The record is intact: ${verdict.events} events, ${verdict.checkpoints} signed checkpoints, root ${verdict.rootHash}`,
    );
  else print(`The record FAILED verification: ${verdict.problem}`);
  return verdict.ok ? exitStatus.ok : exitStatus.failOnFound;
}

const exportCommand = defineRegisterCommand({
  name: 'ledger export',
  summary: 'Write the record to a bundle anyone can verify offline',
  usage: 'Usage: simwatch ledger export --out FILE.json',
  help: `Writes every event, every signed checkpoint and the public key to one JSON file.
Check it anywhere with "simwatch ledger verify --bundle FILE".`,
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
    const target = await createDatabase({
      ...loadConfig(terminal.env, terminal.cwd),
      databaseUrl: undefined,
      sqlitePath: to,
    });
    try {
      await replayRecord(target.db, listEvents(deps.database.db), {
        copyRecord: { checkpoints: await listCheckpoints(deps.database.db) },
      });
    } finally {
      await target.db.destroy();
    }
    print(`Rebuilt the register from the record into ${to}`);
    return 0;
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
  'Verify, export, replay and prove the record',
  [verifyCommand, exportCommand, replayCommand, proofCommand],
);

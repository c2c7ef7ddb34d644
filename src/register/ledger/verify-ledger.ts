import type { Kysely } from 'kysely';

import { loadConfig } from '../../config/load-config.js';
import type { SigningKey } from '../../record/checkpoint.js';
import type { WitnessCheckpoints } from '../../record/find-witness-problem.js';
import { verifyRecord } from '../../record/verify-record.js';
import type { BlobStore } from '../../store/blob-store.js';
import { createDatabase } from '../../store/create-database.js';
import { countEvents, listCheckpoints, readAllEvents } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { dumpState, firstDifference } from './dump-state.js';
import {
  describeStoredFileProblems,
  findStoredFileProblems,
  type StoredFileProblem,
} from './find-stored-file-problems.js';
import { replayRecord } from './replay-record.js';
import { checkSearchIndex } from './check-search-index.js';

/**
 * What the register keeps that the record does not hold, so `ledger verify` cannot vouch for it:
 * someone who can write to the database can change these undetected. (Accounts are in the record
 * and checked; their password hashes are not, see `noPasswordHash`.)
 */
export const outsideTheRecord = [
  { table: 'web_sessions', what: 'signed-in sessions' },
  { table: 'upload_jobs', what: 'uploads waiting to be screened' },
] as const;

/** What `ledger verify` found: all well, or the first problem and the event it concerns. */
export type LedgerVerdict =
  | {
      ok: true;
      events: number;
      checkpoints: number;
      rootHash: string;
      /** How many stored files (originals and models) were hashed, when the store was checked. */
      storedFiles?: number;
      /** How many witnessed checkpoints the record bears out, when a witness was given. */
      witnessed?: number;
      /** The tables the record does not hold, and so could not be checked. */
      notInRecord?: string[];
    }
  | {
      ok: false;
      problem: string;
      seq?: number;
      /** Set when the only thing wrong with the record is events no signed checkpoint covers. */
      uncovered?: true;
      storedFiles?: StoredFileProblem[];
    };

/** What else to check the register against. */
export interface VerifyLedgerOptions {
  /** The document store: every original and model file is hashed against its event. */
  blobs?: BlobStore;
  /** Checkpoints kept outside the register, each of which the record must bear out. */
  witness?: WitnessCheckpoints;
}

/**
 * Checks the whole register: the record's numbering, hash chain, checkpoints (signatures, Merkle
 * roots, consistency, a checkpoint covering the head) and any witnessed checkpoints; then
 * rebuilds the tables from the record in memory and compares them, row by row, with the tables
 * in the database, and the search index with the documents' pages (see `checkSearchIndex`); then
 * hashes the stored files the record names. Any row updated, deleted, added or reordered outside
 * simwatch, any page re-indexed, and any original altered or deleted, shows up.
 */
export async function verifyLedger(
  db: Kysely<DatabaseSchema>,
  key: Pick<SigningKey, 'publicKeyPem'>,
  options: VerifyLedgerOptions = {},
): Promise<LedgerVerdict> {
  const events = await readAllEvents(db);
  const checkpoints = await listCheckpoints(db);
  const verdict = verifyRecord(
    { events, checkpoints, publicKeyPem: key.publicKeyPem },
    options.witness ? { witness: options.witness } : {},
  );
  if (!verdict.ok) return verdict;
  const head = await countEvents(db);
  if (head !== events.length)
    return {
      ok: false,
      problem: `The record has been truncated: it should hold ${head} events but ${events.length} remain`,
      seq: events.length + 1,
    };

  const scratch = await createDatabase({
    ...loadConfig({}),
    sqlitePath: ':memory:',
    databaseUrl: undefined,
  });
  try {
    const writtenBy = await replayRecord(scratch.db, events);
    const difference = firstDifference(await dumpState(db), await dumpState(scratch.db));
    if (difference) {
      const seq = writtenBy.get(`${difference.table}/${difference.key}`);
      const what =
        difference.kind === 'extra'
          ? 'is not in the record (added outside simwatch)'
          : difference.kind === 'missing'
            ? 'is missing (deleted outside simwatch)'
            : 'does not match the record (altered outside simwatch)';
      return {
        ok: false,
        problem:
          `Row ${difference.key} of table ${difference.table} ${what}` +
          (seq ? `; event ${seq} wrote it` : ''),
        ...(seq ? { seq } : {}),
      };
    }
    const searchIndex = await checkSearchIndex(db);
    if (!searchIndex.ok) return { ok: false, problem: searchIndex.problem };
    const notInRecord = outsideTheRecord.map((each) => each.table);
    if (!options.blobs) return { ...verdict, notInRecord };
    const stored = await findStoredFileProblems(scratch.db, options.blobs, writtenBy);
    const [first] = stored.problems;
    if (first)
      return {
        ok: false,
        problem: describeStoredFileProblems(stored.problems),
        ...(first.seq === undefined ? {} : { seq: first.seq }),
        storedFiles: stored.problems,
      };
    return { ...verdict, storedFiles: stored.checked, notInRecord };
  } finally {
    await scratch.db.destroy();
  }
}

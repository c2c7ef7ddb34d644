import type { Kysely } from 'kysely';

import { loadConfig } from '../../config/load-config.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { verifyRecord } from '../../record/verify-record.js';
import { createDatabase } from '../../store/create-database.js';
import { countEvents, listCheckpoints, readAllEvents } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { dumpState, firstDifference } from './dump-state.js';
import { replayRecord } from './replay-record.js';

/** What `ledger verify` found: all well, or the first problem and the event it concerns. */
export type LedgerVerdict =
  | { ok: true; events: number; checkpoints: number; rootHash: string }
  | { ok: false; problem: string; seq?: number };

/**
 * Checks the whole register: the record's numbering, hash chain, checkpoints (signatures, Merkle
 * roots, consistency) and head; then rebuilds the tables from the record in memory and compares
 * them, row by row, with the tables in the database. Any row updated, deleted, added or
 * reordered outside simwatch shows up as a difference.
 */
export async function verifyLedger(
  db: Kysely<DatabaseSchema>,
  key: Pick<SigningKey, 'publicKeyPem'>,
): Promise<LedgerVerdict> {
  const events = await readAllEvents(db);
  const checkpoints = await listCheckpoints(db);
  const verdict = verifyRecord({ events, checkpoints, publicKeyPem: key.publicKeyPem });
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
  } finally {
    await scratch.db.destroy();
  }
  return verdict;
}

import { sql, type Kysely, type Selectable } from 'kysely';

import { canonicalJson } from '../record/canonical-json.js';
import {
  eventLeafHash,
  hashEventText,
  type EventDraft,
  type RecordEvent,
} from '../record/event-hash.js';
import type { DatabaseSchema } from './schema.js';

/** A signed checkpoint as stored. */
export interface StoredCheckpoint {
  treeSize: number;
  rootHash: string;
  time: string;
  keyId: string;
  signature: string;
}

/**
 * Takes the record's write lock: the first statement of every transaction that changes the
 * register. Writers queue here (SQLite waits for the busy timeout; PostgreSQL for the row lock),
 * so events are appended one after another and none is lost.
 */
export async function lockRecord(trx: Kysely<DatabaseSchema>, dialect: 'sqlite' | 'postgres') {
  if (dialect === 'sqlite') await sql`update record_head set seq = seq where id = 1`.execute(trx);
  else await sql`select seq from record_head where id = 1 for update`.execute(trx);
}

/**
 * Appends an event after the last one (call inside a transaction that holds the lock). The
 * payload is serialised once, for its hash, its leaf hash and its row; the event returned holds
 * the caller's payload, not a parsed copy (the row holds exactly what was hashed).
 */
export async function appendEvent(
  trx: Kysely<DatabaseSchema>,
  draft: EventDraft,
): Promise<RecordEvent> {
  const head = await trx
    .selectFrom('record_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const fields = {
    seq: head.seq + 1,
    time: draft.time,
    actor: draft.actor,
    type: draft.type,
    prevHash: head.hash,
  };
  const payloadText = canonicalJson(draft.payload);
  const { hash, leafHash } = hashEventText(fields, payloadText);
  await insertEventRow(trx, { ...fields, hash }, payloadText, leafHash);
  await trx.updateTable('record_head').set({ seq: fields.seq, hash }).where('id', '=', 1).execute();
  return { ...fields, payload: draft.payload, hash };
}

/** Stores an event as it is (appending, or copying a record into an empty database). */
export async function insertEvent(db: Kysely<DatabaseSchema>, event: RecordEvent): Promise<void> {
  await insertEventRow(db, event, canonicalJson(event.payload), eventLeafHash(event));
}

async function insertEventRow(
  db: Kysely<DatabaseSchema>,
  event: Omit<RecordEvent, 'payload'>,
  payloadText: string,
  leafHash: string,
): Promise<void> {
  await db
    .insertInto('record_events')
    .values({
      seq: event.seq,
      time: event.time,
      actor: event.actor,
      type: event.type,
      payload: payloadText,
      prev_hash: event.prevHash,
      hash: event.hash,
      leaf_hash: leafHash,
    })
    .execute();
}

/** Every event in order, or those from `fromSeq` on, read in pages to bound memory per query. */
export async function* listEvents(
  db: Kysely<DatabaseSchema>,
  fromSeq = 1,
): AsyncGenerator<RecordEvent> {
  const pageSize = 500;
  let next = fromSeq;
  for (;;) {
    const rows = await db
      .selectFrom('record_events')
      .select(['seq', 'time', 'actor', 'type', 'payload', 'prev_hash', 'hash'])
      .where('seq', '>=', next)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      yield {
        seq: row.seq,
        time: row.time,
        actor: row.actor,
        type: row.type,
        payload: parsePayload(row.payload, row.seq),
        prevHash: row.prev_hash,
        hash: row.hash,
      };
    }
    const last = rows[rows.length - 1];
    if (!last || rows.length < pageSize) return;
    next = last.seq + 1;
  }
}

/** Every event, by number (verification then checks that each follows the one before). */
export async function readAllEvents(db: Kysely<DatabaseSchema>): Promise<RecordEvent[]> {
  const events: RecordEvent[] = [];
  // From the smallest integer both databases hold, so rows renumbered below 1 are read too.
  for await (const event of listEvents(db, -2_147_483_648)) events.push(event);
  return events;
}

function parsePayload(text: string, seq: number): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A payload that is not JSON has been altered; verification reports it by its hash.
    return { unreadable: text.slice(0, 200), seq };
  }
}

/**
 * The leaf hashes of the first `treeSize` events (all when omitted), in order, leaving out the
 * first `from`.
 */
export async function listLeafHashes(
  db: Kysely<DatabaseSchema>,
  treeSize?: number,
  from = 0,
): Promise<string[]> {
  let query = db.selectFrom('record_events').select('leaf_hash').orderBy('seq');
  if (treeSize !== undefined) query = query.limit(treeSize - from);
  if (from > 0) query = query.offset(from);
  return (await query.execute()).map((row) => row.leaf_hash);
}

/** How many events the record holds. */
export async function countEvents(db: Kysely<DatabaseSchema>): Promise<number> {
  const head = await db
    .selectFrom('record_head')
    .select('seq')
    .where('id', '=', 1)
    .executeTakeFirst();
  return head?.seq ?? 0;
}

/** Every checkpoint, oldest first. */
export async function listCheckpoints(db: Kysely<DatabaseSchema>): Promise<StoredCheckpoint[]> {
  const rows = await db.selectFrom('record_checkpoints').selectAll().orderBy('tree_size').execute();
  return rows.map(checkpointOf);
}

/** The checkpoint of the largest tree, if there is one. */
export async function findLatestCheckpoint(
  db: Kysely<DatabaseSchema>,
): Promise<StoredCheckpoint | undefined> {
  const row = await db
    .selectFrom('record_checkpoints')
    .selectAll()
    .orderBy('tree_size', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row && checkpointOf(row);
}

function checkpointOf(row: Selectable<DatabaseSchema['record_checkpoints']>): StoredCheckpoint {
  return {
    treeSize: row.tree_size,
    rootHash: row.root_hash,
    time: row.time,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/** Stores a checkpoint (one per tree size). */
export async function insertCheckpoint(
  db: Kysely<DatabaseSchema>,
  checkpoint: StoredCheckpoint,
): Promise<void> {
  await db
    .insertInto('record_checkpoints')
    .values({
      tree_size: checkpoint.treeSize,
      root_hash: checkpoint.rootHash,
      time: checkpoint.time,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })
    .execute();
}

/** The checkpoint of exactly this tree size, if one was signed. */
export async function findCheckpoint(
  db: Kysely<DatabaseSchema>,
  treeSize: number,
): Promise<StoredCheckpoint | undefined> {
  const row = await db
    .selectFrom('record_checkpoints')
    .selectAll()
    .where('tree_size', '=', treeSize)
    .executeTakeFirst();
  return row && checkpointOf(row);
}

import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { Checkpoint } from '../../record/checkpoint.js';
import type { RecordEvent } from '../../record/event-hash.js';
import { createDatabase } from '../../store/create-database.js';
import {
  insertCheckpoint,
  insertEvent,
  listCheckpoints,
  listEvents,
} from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { applyEvent } from '../apply-event.js';
import { registerEventTypes, type RegisterEvent } from '../register-event.js';

/**
 * Rebuilds the register's tables from events, in order, into an empty database, in one
 * transaction. With `copyRecord`, the events and checkpoints themselves are copied too, so the
 * result is a whole register. Returns, for each row written, the last event that wrote it.
 */
export async function replayRecord(
  target: Kysely<DatabaseSchema>,
  events: AsyncIterable<RecordEvent> | Iterable<RecordEvent>,
  options: { copyRecord?: { checkpoints: readonly Checkpoint[] } } = {},
): Promise<Map<string, number>> {
  const writtenBy = new Map<string, number>();
  await target.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('record_events').select('seq').limit(1).execute();
    if (existing.length > 0)
      throw new SimwatchError(
        'conflict',
        'Cannot replay the record into a database that already has one',
      );
    let last: RecordEvent | undefined;
    for await (const event of events) {
      for (const row of await applyEvent(trx, asRegisterEvent(event), event.seq))
        writtenBy.set(`${row.table}/${row.key}`, event.seq);
      if (options.copyRecord) await insertEvent(trx, event);
      last = event;
    }
    if (options.copyRecord) {
      for (const checkpoint of options.copyRecord.checkpoints)
        await insertCheckpoint(trx, checkpoint);
      if (last)
        await trx
          .updateTable('record_head')
          .set({ seq: last.seq, hash: last.hash })
          .where('id', '=', 1)
          .execute();
    }
  });
  return writtenBy;
}

function asRegisterEvent(event: RecordEvent): RegisterEvent {
  if (!registerEventTypes.some((type) => type === event.type))
    throw new SimwatchError(
      'record_invalid',
      `Cannot replay event ${event.seq}: unknown type "${event.type}"`,
    );
  // The type is one the register writes, and its payload was hashed as written.
  return { type: event.type, payload: event.payload } as RegisterEvent;
}

/**
 * Rebuilds a register from the record of `source` into a new database made with `config` (the
 * events and checkpoints are copied, every table is rebuilt by replaying them).
 */
export async function replayIntoNewDatabase(
  source: Kysely<DatabaseSchema>,
  config: Parameters<typeof createDatabase>[0],
): Promise<void> {
  const target = await createDatabase(config);
  try {
    await replayRecord(target.db, listEvents(source), {
      copyRecord: { checkpoints: await listCheckpoints(source) },
    });
  } finally {
    await target.db.destroy();
  }
}

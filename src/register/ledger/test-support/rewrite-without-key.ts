// Tampering as someone with write access to the database, but not the signing key, would.
import type { Kysely } from 'kysely';

import { canonicalJson } from '../../../record/canonical-json.js';
import { eventLeafHash, hashEvent, type RecordEvent } from '../../../record/event-hash.js';
import { readAllEvents } from '../../../store/record-repository.js';
import type { DatabaseSchema } from '../../../store/schema.js';

/**
 * What someone with write access to the database but not the key can do: change one event,
 * recompute the hash chain (and leaf hashes) from it to the head, and make the tables agree.
 */
export async function rewriteEvent(
  db: Kysely<DatabaseSchema>,
  seq: number,
  change: (payload: unknown) => unknown,
): Promise<void> {
  const events = await readAllEvents(db);
  let previous: RecordEvent | undefined = events[seq - 2];
  for (const event of events.slice(seq - 1)) {
    const payload = event.seq === seq ? change(event.payload) : event.payload;
    const unhashed = { ...event, payload, prevHash: previous?.hash ?? event.prevHash };
    const rewritten = { ...unhashed, hash: hashEvent(unhashed) };
    await db
      .updateTable('record_events')
      .set({
        payload: canonicalJson(payload),
        prev_hash: rewritten.prevHash,
        hash: rewritten.hash,
        leaf_hash: eventLeafHash(rewritten),
      })
      .where('seq', '=', event.seq)
      .execute();
    previous = rewritten;
  }
  if (previous)
    await db.updateTable('record_head').set({ hash: previous.hash }).where('id', '=', 1).execute();
}

/** A `document.ingested` payload with the document's title changed. */
export function retitle(payload: unknown): unknown {
  const { document, ...rest } = payload as { document: Record<string, unknown> };
  return { ...rest, document: { ...document, title: 'Nothing to see here' } };
}

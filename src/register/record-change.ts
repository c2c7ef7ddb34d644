import type { Kysely } from 'kysely';

import { appendEvent, lockRecord } from '../store/record-repository.js';
import type { DatabaseSchema } from '../store/schema.js';
import { applyEvent } from './apply-event.js';
import type { RegisterDeps } from './register-deps.js';
import type { RegisterEvent } from './register-event.js';

/** What a change decided, inside its transaction: the events to record and a result to return. */
export interface Change<T> {
  events: RegisterEvent[];
  result: T;
  /**
   * Writes that go with the events but that the record must not hold (an account's password
   * hash, the sessions a change ends), made in the same transaction after the events' rows.
   */
  alongside?: (trx: Kysely<DatabaseSchema>) => Promise<void>;
}

/**
 * Makes one change to the register in one transaction: takes the record's write lock, lets
 * `decide` read what it needs and choose the events, then appends each event to the record and
 * writes its rows. Either all of it is stored or none of it. Once it is stored, the record is
 * signed (see `RegisterDeps.signRecord`).
 */
export async function recordChange<T>(
  deps: Pick<RegisterDeps, 'database' | 'now' | 'signRecord'>,
  actor: string,
  decide: (trx: Kysely<DatabaseSchema>, time: string) => Promise<Change<T>>,
): Promise<T> {
  const { db, dialect } = deps.database;
  const result = await db.transaction().execute(async (trx) => {
    // The lock comes first: reads before it could be out of date by the time we write.
    await lockRecord(trx, dialect);
    const time = deps.now().toISOString();
    const { events, result, alongside } = await decide(trx, time);
    for (const event of events) {
      const recorded = await appendEvent(trx, {
        time,
        actor,
        type: event.type,
        payload: event.payload,
      });
      await applyEvent(trx, event, recorded.seq);
    }
    await alongside?.(trx);
    return result;
  });
  await deps.signRecord?.();
  return result;
}

/** The next free id in a table (inside a change, which holds the lock, so no one else takes it). */
export async function nextId(
  trx: Kysely<DatabaseSchema>,
  table:
    | 'organisations'
    | 'organisation_links'
    | 'documents'
    | 'findings'
    | 'decisions'
    | 'assurances'
    | 'reviews'
    | 'review_returns'
    | 'screening_models'
    | 'responses'
    | 'agreements'
    | 'agreement_parties'
    | 'agreement_documents'
    | 'agreement_comments'
    | 'agreement_meetings'
    | 'agreement_actions'
    | 'agreement_consents'
    | 'agreement_publications'
    | 'agreement_access',
): Promise<number> {
  const row = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

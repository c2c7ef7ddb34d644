import type { RegisterDatabase } from '../register-deps.js';
import type { RequestState } from '../../foi/foi-request.js';

/** A change of a sent request's state, as the public feed of requests shows it. */
export interface FoiFeedChange {
  id: number;
  requestRef: string;
  organisationCode: string;
  organisationName: string;
  subject: string;
  fromState: RequestState;
  toState: RequestState;
  onDay: string;
  changedAt: string;
}

/**
 * The latest changes of state of requests that were sent, newest first. A draft's move to
 * sending is left out: the feed has an entry for the sending itself.
 */
export async function listFoiFeedChanges(
  db: RegisterDatabase['db'],
  limit: number,
): Promise<FoiFeedChange[]> {
  const rows = await db
    .selectFrom('foi_state_changes')
    .innerJoin('foi_requests', 'foi_requests.id', 'foi_state_changes.request_id')
    .innerJoin('organisations', 'organisations.id', 'foi_requests.organisation_id')
    .select([
      'foi_state_changes.id',
      'foi_requests.ref',
      'organisations.code',
      'organisations.name',
      'foi_requests.subject',
      'foi_state_changes.from_state',
      'foi_state_changes.to_state',
      'foi_state_changes.on_day',
      'foi_state_changes.changed_at',
    ])
    .where('foi_state_changes.from_state', '!=', 'draft')
    .where('foi_requests.sent_on', 'is not', null)
    .orderBy('foi_state_changes.changed_at', 'desc')
    .orderBy('foi_state_changes.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    requestRef: row.ref,
    organisationCode: row.code,
    organisationName: row.name,
    subject: row.subject,
    fromState: row.from_state as RequestState,
    toState: row.to_state as RequestState,
    onDay: row.on_day,
    changedAt: row.changed_at,
  }));
}

import type { Kysely } from 'kysely';

import { timesOf } from '../findings/public-findings-repository.js';
import { features } from '../status/register-facts.js';
import type { FactArrivals } from '../status/status-changes.js';
import type { DatabaseSchema } from '../../store/schema.js';

/**
 * When each return, assurance and piece of evidence entered the register, for replaying statuses:
 * returns and assurances at their latest event in the record (a return recorded again replaces
 * the earlier one), evidence at the decision that confirmed it. Two queries; the events read are
 * only these two small kinds.
 */
export async function listFactArrivals(db: Kysely<DatabaseSchema>): Promise<FactArrivals> {
  const [events, decisions] = await Promise.all([
    db
      .selectFrom('record_events')
      .select(['type', 'time', 'payload'])
      .where('type', 'in', ['return.recorded', 'assurance.recorded'])
      .orderBy('seq')
      .execute(),
    db
      .selectFrom('decisions')
      .innerJoin('findings', 'findings.id', 'decisions.finding_id')
      .select([
        'decisions.finding_id',
        'decisions.reviewer',
        'decisions.decision',
        'decisions.decided_at',
      ])
      .where('findings.status', '=', 'confirmed')
      .where('findings.label', 'in', [...features])
      .orderBy('decisions.id')
      .execute(),
  ]);
  const returns = new Map<number, string>();
  const assurances = new Map<number, string>();
  for (const event of events) {
    const payload = JSON.parse(event.payload) as {
      return?: { id: number };
      assurance?: { id: number };
    };
    if (event.type === 'return.recorded' && payload.return)
      returns.set(payload.return.id, event.time);
    if (event.type === 'assurance.recorded' && payload.assurance)
      assurances.set(payload.assurance.id, event.time);
  }
  const evidence = new Map<number, string>();
  for (const [id, time] of timesOf(decisions)) if (time !== null) evidence.set(id, time);
  return { returns, assurances, evidence };
}

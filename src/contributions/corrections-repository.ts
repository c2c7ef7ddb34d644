import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';

/** A correction someone sent in: what is wrong where, and how to reply. For reviewers only. */
export interface Correction {
  id: string;
  page: string;
  problem: string;
  senderName: string | null;
  senderEmail: string | null;
  createdAt: string;
  state: 'open' | 'resolved';
  resolvedBy: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
}

type Db = Kysely<DatabaseSchema>;

/** Stores a correction, open; returns its id. */
export async function insertCorrection(
  db: Db,
  correction: Pick<Correction, 'page' | 'problem' | 'senderName' | 'senderEmail'>,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('corrections')
    .values({
      id,
      page: correction.page,
      problem: correction.problem,
      sender_name: correction.senderName,
      sender_email: correction.senderEmail,
      created_at: now.toISOString(),
      state: 'open',
      resolved_by: null,
      resolved_at: null,
      resolution_note: null,
    })
    .execute();
  return id;
}

/** Corrections, open ones first, then newest first. */
export async function listCorrections(db: Db, options: { limit: number }): Promise<Correction[]> {
  const rows = await db
    .selectFrom('corrections')
    .selectAll()
    .orderBy('state')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    page: row.page,
    problem: row.problem,
    senderName: row.sender_name,
    senderEmail: row.sender_email,
    createdAt: row.created_at,
    state: row.state === 'resolved' ? 'resolved' : 'open',
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
  }));
}

/** Marks an open correction resolved, with who and a note; false when there is no open one. */
export async function resolveCorrection(
  db: Db,
  id: string,
  resolution: { by: string; note: string },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('corrections')
    .set({
      state: 'resolved',
      resolved_by: resolution.by,
      resolved_at: now.toISOString(),
      resolution_note: resolution.note,
    })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';

export { publicSubmissionActor } from '../register/documents/document.js';

/** What became of a submission: waiting for a reviewer, accepted, or set aside. */
export type SubmissionState = 'new' | 'accepted' | 'set_aside';

/** A document or tip someone sent in. For reviewers only. */
export interface Submission {
  id: string;
  kind: 'document' | 'tip';
  organisationCode: string | null;
  text: string;
  url: string | null;
  createdAt: string;
  state: SubmissionState;
  reviewedBy: string | null;
  reviewNote: string | null;
  /** For a document: its upload's state, message and, once screened, its document id. */
  upload: { id: string; state: string; message: string | null; documentId: number | null } | null;
}

type Db = Kysely<DatabaseSchema>;

/** Stores a submission (a document's upload job is queued first); returns its id. */
export async function insertSubmission(
  db: Db,
  submission: Pick<Submission, 'kind' | 'organisationCode' | 'text' | 'url'> & {
    uploadJobId: string | null;
  },
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('submissions')
    .values({
      id,
      kind: submission.kind,
      organisation_code: submission.organisationCode,
      text: submission.text,
      url: submission.url,
      upload_job_id: submission.uploadJobId,
      created_at: now.toISOString(),
      state: 'new',
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
    })
    .execute();
  return id;
}

/** Submissions, new ones first, then newest first, with their uploads. */
export async function listSubmissions(db: Db, options: { limit: number }): Promise<Submission[]> {
  const rows = await db
    .selectFrom('submissions')
    .leftJoin('upload_jobs', 'upload_jobs.id', 'submissions.upload_job_id')
    .selectAll('submissions')
    .select([
      'upload_jobs.state as upload_state',
      'upload_jobs.message as upload_message',
      'upload_jobs.document_id as upload_document_id',
    ])
    .orderBy('submissions.state')
    .orderBy('submissions.created_at', 'desc')
    .orderBy('submissions.id')
    .limit(options.limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind === 'document' ? 'document' : 'tip',
    organisationCode: row.organisation_code,
    text: row.text,
    url: row.url,
    createdAt: row.created_at,
    state: row.state === 'accepted' || row.state === 'set_aside' ? row.state : 'new',
    reviewedBy: row.reviewed_by,
    reviewNote: row.review_note,
    upload:
      row.upload_job_id === null
        ? null
        : {
            id: row.upload_job_id,
            state: row.upload_state ?? 'queued',
            message: row.upload_message ?? null,
            documentId: row.upload_document_id ?? null,
          },
  }));
}

/** The submission with an id, or undefined. */
export async function findSubmission(db: Db, id: string): Promise<Submission | undefined> {
  return (await listSubmissions(db, { limit: 100_000 })).find((each) => each.id === id);
}

/** Records a reviewer's decision on a new submission; false when it was already decided. */
export async function decideSubmission(
  db: Db,
  id: string,
  decision: { state: 'accepted' | 'set_aside'; by: string; note: string | null },
  now: Date,
): Promise<boolean> {
  const result = await db
    .updateTable('submissions')
    .set({
      state: decision.state,
      reviewed_by: decision.by,
      reviewed_at: now.toISOString(),
      review_note: decision.note,
    })
    .where('id', '=', id)
    .where('state', '=', 'new')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

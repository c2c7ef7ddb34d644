import type { Kysely, Selectable } from 'kysely';

import type { DatabaseSchema, UploadJobsTable } from '../store/schema.js';
import type { DocumentKind } from '../register/documents/document.js';

/** What a reviewer says about the documents they upload, as the upload queue ingests them. */
export interface UploadDetails {
  /** Null to take the title from the file name (or the document). */
  title: string | null;
  docType: DocumentKind;
  organisationCodes: string[];
  documentDate: string | null;
  source: string | null;
  obtained: string | null;
  /** Whether anyone may download the original. */
  public: boolean;
}

/**
 * Where an upload is: waiting for its own title and date (`staged`, one of several files sent at
 * once), waiting, being screened, or finished one way or the other. `quarantined` is a failure
 * that is never tried again: the document stopped the server or exceeded the pipeline's limits
 * twice.
 */
export type UploadState = 'staged' | 'queued' | 'screening' | 'done' | 'failed' | 'quarantined';

/** A document uploaded in the workspace, and what became of it. */
export interface UploadJob {
  id: string;
  username: string;
  /** The name the reviewer's file had (shown, and recorded as the document's file name). */
  fileName: string;
  /** Where the bytes wait, inside the data folder; null once screened. */
  stagedPath: string | null;
  details: UploadDetails;
  state: UploadState;
  message: string | null;
  documentId: number | null;
  findings: number | null;
  /** Pages of its document that could not be read (read with the job's pages: else null). */
  unreadPages?: number | null;
  /** Times taken for screening, this one included. */
  attempts: number;
  createdAt: string;
  updatedAt: string;
}

type Db = Kysely<DatabaseSchema>;

/**
 * Records a new upload, waiting in the queue; or, with `state: 'staged'`, waiting for its own
 * details first (the queue does not take it until `queueStagedUploadJobs`).
 */
export async function insertUploadJob(
  db: Db,
  job: { id: string; username: string; fileName: string; stagedPath: string },
  details: UploadDetails,
  now: Date,
  options: { state: 'queued' | 'staged' } = { state: 'queued' },
): Promise<void> {
  const time = now.toISOString();
  await db
    .insertInto('upload_jobs')
    .values({
      id: job.id,
      username: job.username,
      file_name: job.fileName,
      staged_path: job.stagedPath,
      details: JSON.stringify(details),
      state: options.state,
      message: null,
      document_id: null,
      findings: null,
      created_at: time,
      updated_at: time,
    })
    .execute();
}

/** The upload with an id, or undefined. */
export async function findUploadJob(db: Db, id: string): Promise<UploadJob | undefined> {
  const row = await db
    .selectFrom('upload_jobs')
    .leftJoin('documents', 'documents.id', 'upload_jobs.document_id')
    .selectAll('upload_jobs')
    .select('documents.unread_pages')
    .where('upload_jobs.id', '=', id)
    .executeTakeFirst();
  return row && toUploadJob(row);
}

/**
 * The uploads with these ids that are `username`'s and still wait for their details, in the
 * order of `ids`; an id that is not such an upload is left out.
 */
export async function listStagedUploadJobs(
  db: Db,
  username: string,
  ids: readonly string[],
): Promise<UploadJob[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('upload_jobs')
    .selectAll()
    .where('id', 'in', ids)
    .where('username', '=', username)
    .where('state', '=', 'staged')
    .execute();
  const byId = new Map(rows.map((row) => [row.id, toUploadJob(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * Gives staged uploads their own title and date and puts them in the queue, all or none: returns
 * false, changing nothing, when one is no longer staged.
 */
export async function queueStagedUploadJobs(
  db: Db,
  jobs: readonly { id: string; title: string; documentDate: string | null }[],
  now: Date,
): Promise<boolean> {
  const time = now.toISOString();
  return db
    .transaction()
    .execute(async (trx) => {
      for (const job of jobs) {
        const row = await trx
          .selectFrom('upload_jobs')
          .select('details')
          .where('id', '=', job.id)
          .where('state', '=', 'staged')
          .executeTakeFirst();
        if (!row) throw new StagedJobGone();
        const details: UploadDetails = {
          ...(JSON.parse(row.details) as UploadDetails),
          title: job.title,
          documentDate: job.documentDate,
        };
        await trx
          .updateTable('upload_jobs')
          .set({ state: 'queued', details: JSON.stringify(details), updated_at: time })
          .where('id', '=', job.id)
          .where('state', '=', 'staged')
          .execute();
      }
      return true;
    })
    .catch((error: unknown) => {
      if (error instanceof StagedJobGone) return false;
      throw error;
    });
}

/** Rolls back `queueStagedUploadJobs` when one of its uploads is not staged any more. */
class StagedJobGone extends Error {}

/** Someone's uploads, newest first. */
export async function listUploadJobs(
  db: Db,
  username: string,
  options: { limit: number },
): Promise<UploadJob[]> {
  const rows = await db
    .selectFrom('upload_jobs')
    .leftJoin('documents', 'documents.id', 'upload_jobs.document_id')
    .selectAll('upload_jobs')
    .select('documents.unread_pages')
    .where('upload_jobs.username', '=', username)
    .orderBy('upload_jobs.created_at', 'desc')
    .orderBy('upload_jobs.id')
    .limit(options.limit)
    .execute();
  return rows.map(toUploadJob);
}

/**
 * Takes the oldest waiting upload and marks it as being screened, or returns undefined when none
 * waits. The update only succeeds while the job is still queued, so a job is taken once.
 */
export async function claimNextUploadJob(db: Db, now: Date): Promise<UploadJob | undefined> {
  for (;;) {
    const next = await db
      .selectFrom('upload_jobs')
      .selectAll()
      .where('state', '=', 'queued')
      .orderBy('created_at')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    if (!next) return undefined;
    const time = now.toISOString();
    // Counted before screening starts, so a job that stops the server is counted too.
    const taken = await db
      .updateTable('upload_jobs')
      .set({ state: 'screening', attempts: next.attempts + 1, updated_at: time })
      .where('id', '=', next.id)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    if (taken.numUpdatedRows > 0n)
      return toUploadJob({
        ...next,
        state: 'screening',
        attempts: next.attempts + 1,
        updated_at: time,
      });
  }
}

/**
 * Deals with uploads that were being screened when the server stopped: those taken fewer than
 * `maxAttempts` times go back in the queue; the others (the server stopped while screening them
 * each time) are quarantined with `message`. Returns the quarantined jobs (their staged files are
 * for the caller to delete).
 */
export async function recoverInterruptedUploads(
  db: Db,
  now: Date,
  options: { maxAttempts: number; message: string },
): Promise<UploadJob[]> {
  const time = now.toISOString();
  const interrupted = await db
    .selectFrom('upload_jobs')
    .selectAll()
    .where('state', '=', 'screening')
    .execute();
  const quarantined: UploadJob[] = [];
  for (const row of interrupted) {
    if (row.attempts < options.maxAttempts) {
      await db
        .updateTable('upload_jobs')
        .set({ state: 'queued', updated_at: time })
        .where('id', '=', row.id)
        .where('state', '=', 'screening')
        .execute();
      continue;
    }
    const outcome = { state: 'quarantined', message: options.message } as const;
    await finishUploadJob(db, row.id, { ...outcome, documentId: null, findings: null }, now);
    quarantined.push(toUploadJob({ ...row, ...outcome, updated_at: time }));
  }
  return quarantined;
}

/** Puts an upload being screened back in the queue, its staged file kept, to be tried again. */
export async function requeueUploadJob(db: Db, id: string, now: Date): Promise<void> {
  await db
    .updateTable('upload_jobs')
    .set({ state: 'queued', updated_at: now.toISOString() })
    .where('id', '=', id)
    .where('state', '=', 'screening')
    .execute();
}

/** Records how an upload ended; its staged file has gone. */
export async function finishUploadJob(
  db: Db,
  id: string,
  outcome: {
    state: 'done' | 'failed' | 'quarantined';
    message: string | null;
    documentId: number | null;
    findings: number | null;
  },
  now: Date,
): Promise<void> {
  await db
    .updateTable('upload_jobs')
    .set({
      state: outcome.state,
      message: outcome.message,
      document_id: outcome.documentId,
      findings: outcome.findings,
      staged_path: null,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

function toUploadJob(
  row: Selectable<UploadJobsTable> & { unread_pages?: number | null },
): UploadJob {
  return {
    id: row.id,
    username: row.username,
    fileName: row.file_name,
    stagedPath: row.staged_path,
    details: JSON.parse(row.details) as UploadDetails,
    state: uploadStateOf(row.state),
    message: row.message,
    documentId: row.document_id,
    findings: row.findings,
    ...(row.unread_pages === undefined ? {} : { unreadPages: row.unread_pages }),
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function uploadStateOf(text: string): UploadState {
  return text === 'staged' ||
    text === 'screening' ||
    text === 'done' ||
    text === 'failed' ||
    text === 'quarantined'
    ? text
    : 'queued';
}

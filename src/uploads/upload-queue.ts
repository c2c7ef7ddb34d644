import { rm } from 'node:fs/promises';

import type { RegisterDeps } from '../register/register-deps.js';
import { SimwatchError, type ErrorCode } from '../errors.js';
import {
  ingestDocument,
  maxFindingsPerDocument,
  type IngestResult,
} from '../register/documents/ingest-document.js';
import { pageReadingNotes } from '../register/documents/page-reading-notes.js';
import {
  claimNextUploadJob,
  finishUploadJob,
  recoverInterruptedUploads,
  requeueUploadJob,
  type UploadJob,
} from './upload-jobs-repository.js';

/** Times an upload is taken for screening before it is quarantined. */
export const maxUploadAttempts = 2;

/** Failures that may pass (a busy machine, a worker that died): tried once more, then quarantined. */
const limitFailures = new Set<ErrorCode>(['timeout', 'out_of_memory', 'internal']);

const setAside =
  'It has been set aside and will not be screened again. If you need it in the register, ' +
  'split it into smaller files and upload those.';

/** What the uploader is told when a document is quarantined. */
const quarantineMessages: Partial<Record<ErrorCode, string>> = {
  timeout: `Screening this document took too long twice. ${setAside}`,
  out_of_memory: `Screening this document needed too much memory twice. ${setAside}`,
  internal: `Screening this document failed twice. ${setAside}`,
};

const interruptedMessage = `The server stopped twice while screening this document. ${setAside}`;

/** Screens uploaded documents in the background, one at a time, in the order they came. */
export interface UploadQueue {
  /** Starts the service: recovers uploads a stopped server left, then screens whatever waits. */
  start(): void;
  /** Starts screening whatever waits (call after adding jobs; harmless when already busy). */
  wake(): void;
  /** Resolves once nothing waits and nothing is being screened (tests wait on this). */
  idle(): Promise<void>;
  /** Finishes the document being screened, then takes no more. */
  stop(): Promise<void>;
}

/**
 * A queue over the `upload_jobs` table. Each job's document is ingested (read and screened in the
 * document pipeline's worker, then stored, recorded and signed) with its uploader as the actor, and the staged file is deleted once the job ends. A job that exceeds
 * the pipeline's time limit or memory cap, or whose worker dies, is tried once more, then
 * quarantined; so is a job left `screening` by a server that stopped twice while screening it.
 * Nothing is re-run in a loop. Ingesting is safe to repeat, as the same bytes change nothing.
 */
/** Where the queue reports what went wrong (the web server's logger). */
export interface QueueLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export function createUploadQueue(options: { deps: RegisterDeps; log: QueueLog }): UploadQueue {
  const { deps, log } = options;
  const db = deps.database.db;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;
  let interruptedRecovered = false;
  let stopped = false;

  async function drain(): Promise<void> {
    if (!interruptedRecovered) {
      const quarantined = await recoverInterruptedUploads(db, deps.now(), {
        maxAttempts: maxUploadAttempts,
        message: interruptedMessage,
      });
      for (const job of quarantined) {
        log.warn(
          { job: job.id },
          'Upload quarantined: the server stopped twice while screening it',
        );
        if (job.stagedPath !== null) await rm(job.stagedPath, { force: true });
      }
      interruptedRecovered = true;
    }
    while (!stopped) {
      wokenWhileRunning = false;
      const job = await claimNextUploadJob(db, deps.now());
      if (!job) return;
      await screen(job);
    }
  }

  async function screen(job: UploadJob): Promise<void> {
    let ended = true;
    try {
      const outcome = await ingest(job);
      await finishUploadJob(db, job.id, { state: 'done', ...outcome }, deps.now());
    } catch (error) {
      const code = error instanceof SimwatchError ? error.code : 'internal';
      if (code === 'internal') log.error({ err: error, job: job.id }, 'Upload failed');
      // A server stopping mid-job puts it back as it was found.
      if (limitFailures.has(code) && (job.attempts < maxUploadAttempts || stopped)) {
        log.warn({ job: job.id, code }, 'Upload exceeded a limit: it will be tried once more');
        await requeueUploadJob(db, job.id, deps.now());
        ended = false;
        return;
      }
      const quarantined = limitFailures.has(code);
      const message = quarantined
        ? (quarantineMessages[code] ?? interruptedMessage)
        : error instanceof SimwatchError
          ? error.message
          : 'There was a problem with the service while screening this document. Try uploading it again later.';
      await finishUploadJob(
        db,
        job.id,
        {
          state: quarantined ? 'quarantined' : 'failed',
          message,
          documentId: null,
          findings: null,
        },
        deps.now(),
      );
    } finally {
      if (ended && job.stagedPath !== null) await rm(job.stagedPath, { force: true });
    }
  }

  async function ingest(job: UploadJob) {
    if (job.stagedPath === null)
      throw new SimwatchError('unreadable', 'The uploaded file is missing: upload it again');
    const { details } = job;
    // The pipeline's worker reads the staged file: this process never extracts or screens.
    const result = await ingestDocument(deps, {
      path: job.stagedPath,
      fileName: job.fileName,
      title: details.title,
      organisationCodes: details.organisationCodes,
      docType: details.docType,
      documentDate: details.documentDate,
      source: details.source,
      obtained: details.obtained,
      public: details.public,
      actor: job.username,
    });
    return {
      message: outcomeMessage(result),
      documentId: result.documentId,
      findings: result.duplicate ? null : countFindings(result),
    };
  }

  function wake(): void {
    if (stopped) return;
    if (running) {
      wokenWhileRunning = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => {
        // The database could not be reached: the jobs stay queued for the next wake.
        log.error({ err: error }, 'The upload queue stopped');
      })
      .finally(() => {
        running = undefined;
        if (wokenWhileRunning) {
          wokenWhileRunning = false;
          wake();
        }
      });
  }

  return {
    start: wake,
    wake,
    async idle() {
      while (running) await running;
    },
    async stop() {
      stopped = true;
      while (running) await running;
    },
  };
}

/** Findings of a document and of its attachments or archive members. */
function countFindings(result: IngestResult): number {
  return result.children.reduce(
    (total, child) => total + (child.result ? countFindings(child.result) : 0),
    result.findings,
  );
}

/** What to tell the uploader beyond the findings: duplicates, warnings, attachments. */
function outcomeMessage(result: IngestResult): string | null {
  if (result.duplicate) return 'This document was already in the register, so nothing was changed.';
  const notes = [...pageReadingNotes(result), ...result.warnings.map((warning) => warning.message)];
  if (result.findingsOmitted > 0)
    notes.push(
      `Only the first ${maxFindingsPerDocument} findings were kept: ${result.findingsOmitted} more were left out.`,
    );
  const added = result.children.filter((child) => child.result && !child.result.duplicate).length;
  if (added > 0)
    notes.push(
      `${added} ${added === 1 ? 'attachment or archive member was' : 'attachments or archive members were'} added as documents of their own.`,
    );
  for (const child of result.children) if (child.error) notes.push(child.error.message);
  return notes.length === 0 ? null : notes.join(' ');
}

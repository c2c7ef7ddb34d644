import { readFile, rm } from 'node:fs/promises';

import type { FastifyBaseLogger } from 'fastify';

import type { AppDeps } from '../../app/create-app-deps.js';
import { SimwatchError } from '../../errors.js';
import { ingestDocument, type IngestResult } from '../../register/documents/ingest-document.js';
import {
  claimNextUploadJob,
  finishUploadJob,
  requeueInterruptedUploads,
  type UploadJob,
} from './upload-jobs-repository.js';

/** Screens uploaded documents in the background, one at a time, in the order they came. */
export interface UploadQueue {
  /** Starts screening whatever waits (call after adding jobs; harmless when already busy). */
  wake(): void;
  /** Resolves once nothing waits and nothing is being screened (tests wait on this). */
  idle(): Promise<void>;
  /** Finishes the document being screened, then takes no more. */
  stop(): Promise<void>;
}

/**
 * A queue over the `upload_jobs` table. Each job's document is ingested (stored, extracted,
 * screened, recorded and signed) with its uploader as the actor, and the staged file is deleted whatever the outcome. Jobs left `screening` by a server that
 * stopped are screened again: ingesting is safe to repeat, as the same bytes change nothing.
 */
export function createUploadQueue(options: { deps: AppDeps; log: FastifyBaseLogger }): UploadQueue {
  const { deps, log } = options;
  const db = deps.database.db;
  let running: Promise<void> | undefined;
  let wokenWhileRunning = false;
  let interruptedRequeued = false;
  let stopped = false;

  async function drain(): Promise<void> {
    if (!interruptedRequeued) {
      await requeueInterruptedUploads(db, deps.now());
      interruptedRequeued = true;
    }
    while (!stopped) {
      wokenWhileRunning = false;
      const job = await claimNextUploadJob(db, deps.now());
      if (!job) return;
      await screen(job);
    }
  }

  async function screen(job: UploadJob): Promise<void> {
    try {
      const outcome = await ingest(job);
      await finishUploadJob(db, job.id, { state: 'done', ...outcome }, deps.now());
    } catch (error) {
      if (!(error instanceof SimwatchError))
        log.error({ err: error, job: job.id }, 'Upload failed');
      const message =
        error instanceof SimwatchError && error.code !== 'internal'
          ? error.message
          : 'There was a problem with the service while screening this document. Try uploading it again later.';
      await finishUploadJob(
        db,
        job.id,
        { state: 'failed', message, documentId: null, findings: null },
        deps.now(),
      );
    } finally {
      if (job.stagedPath !== null) await rm(job.stagedPath, { force: true });
    }
  }

  async function ingest(job: UploadJob) {
    if (job.stagedPath === null)
      throw new SimwatchError('unreadable', 'The uploaded file is missing: upload it again');
    const bytes = await readFile(job.stagedPath).catch((error: unknown) => {
      throw new SimwatchError('unreadable', 'The uploaded file is missing: upload it again', {
        cause: error,
      });
    });
    const { details } = job;
    const result = await ingestDocument(deps, {
      bytes,
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
  const notes = result.warnings.map((warning) => warning.message);
  const added = result.children.filter((child) => child.result && !child.result.duplicate).length;
  if (added > 0)
    notes.push(
      `${added} ${added === 1 ? 'attachment or archive member was' : 'attachments or archive members were'} added as documents of their own.`,
    );
  for (const child of result.children) if (child.error) notes.push(child.error.message);
  return notes.length === 0 ? null : notes.join(' ');
}

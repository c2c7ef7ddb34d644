import type { UploadJob } from '../../../uploads/upload-jobs-repository.js';

/** How far an upload has got, for people: words, a step of three, and where to go next. */
export interface UploadProgress {
  id: string;
  fileName: string;
  state: UploadJob['state'];
  /** The state in words. */
  text: string;
  /** 0 waiting for its details, 1 waiting, 2 screening, 3 finished: a `<progress max="3">`. */
  step: number;
  finished: boolean;
  message: string | null;
  documentId: number | null;
  findings: number | null;
  /** The document's page, once there is one. */
  documentUrl: string | null;
  /** Where to give its title and date, while it waits for them. */
  detailsUrl: string | null;
  /** The document's findings in the triage queue, once there are some. */
  findingsUrl: string | null;
}

/** Describes an upload job's progress (the job page and its status.json share this). */
export function uploadProgress(job: UploadJob): UploadProgress {
  const documentUrl = job.documentId === null ? null : `/documents/${job.documentId}`;
  return {
    id: job.id,
    fileName: job.fileName,
    state: job.state,
    text: stateText(job),
    step: stepOf(job.state),
    finished: job.state === 'done' || job.state === 'failed' || job.state === 'quarantined',
    message: job.message,
    documentId: job.documentId,
    findings: job.findings,
    documentUrl,
    detailsUrl: job.state === 'staged' ? `/workspace/uploads/details?job=${job.id}` : null,
    findingsUrl:
      // A duplicate (findings null) links to the findings the document already had.
      job.documentId !== null && (job.findings ?? 1) > 0
        ? `/workspace/findings?document=${job.documentId}`
        : null,
  };
}

function stepOf(state: UploadJob['state']): number {
  return { staged: 0, queued: 1, screening: 2, done: 3, failed: 3, quarantined: 3 }[state];
}

function stateText(job: UploadJob): string {
  switch (job.state) {
    case 'staged':
      return 'Waiting for its title and date';
    case 'queued':
      return 'Waiting to be screened';
    case 'screening':
      return 'Reading and screening the document';
    case 'failed':
      return 'Could not be screened';
    case 'quarantined':
      return 'Set aside: could not be screened';
    case 'done': {
      if (job.findings === null) return 'Already in the register';
      const findings = job.findings;
      // A document with pages not read is never reported as clean.
      const unread = job.unreadPages ?? 0;
      const notRead =
        unread === 0 ? '' : `, ${unread === 1 ? '1 page' : `${String(unread)} pages`} not read`;
      if (findings === 0) return `Screened: no findings${notRead}`;
      return `Screened: ${findings} ${findings === 1 ? 'finding' : 'findings'} to review${notRead}`;
    }
  }
}

import { performance } from 'node:perf_hooks';

import { defaultExtractionLimits } from '../extract/extraction-limits.js';
import { screenInParallel } from '../cli/screen-in-parallel.js';
import { createScreeningPool } from '../pipeline/screening-pool.js';

/** End-to-end PDF screening (read, extract, screen) on the CLI's worker pool. */
export interface PdfScreeningMeasure {
  jobs: number;
  pages: number;
  seconds: number;
  findings: number;
  errors: number;
  /** The first error message, so a broken run says why. */
  firstError?: string;
  /** Starting the workers and warming each up on a small PDF: paid once per run of the CLI. */
  startSeconds: number;
  stoppedEarly: boolean;
}

/** Screens the PDFs through the same worker pool as `simwatch screen`, timing start-up apart. */
export async function measurePdfScreening(
  files: readonly string[],
  options: { jobs: number; maxSeconds: number; warmUpPdf: Uint8Array },
): Promise<PdfScreeningMeasure> {
  const pool = createScreeningPool({
    jobs: options.jobs,
    timeoutMs: 600_000,
    limits: defaultExtractionLimits,
  });
  try {
    let started = performance.now();
    await pool.start();
    // One warm-up task per worker: every worker is idle after start(), so each takes one.
    const warmUps = Array.from({ length: options.jobs }, () =>
      pool.run({ path: 'warm-up.pdf', bytes: options.warmUpPdf }, () => undefined),
    );
    await Promise.all(warmUps);
    const startSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    let pages = 0;
    let findings = 0;
    let errors = 0;
    let stoppedEarly = false;
    let firstError: string | undefined;
    const tasks = files.map((path) => ({ path }));
    for await (const screening of screenInParallel(tasks, pool)) {
      pages += screening.pages;
      findings += screening.findings.length;
      if (screening.error) {
        errors += 1;
        firstError ??= screening.error.message;
      }
      if ((performance.now() - started) / 1000 > options.maxSeconds) {
        stoppedEarly = true;
        break;
      }
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      jobs: options.jobs,
      pages,
      seconds,
      findings,
      errors,
      startSeconds,
      stoppedEarly,
      ...(firstError === undefined ? {} : { firstError }),
    };
  } finally {
    await pool.close();
  }
}

import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';

/** How long `pdftotext` took over all the files, or why it could not run. */
export type PdftotextMeasure = { seconds: number } | { missing: string };

/**
 * Runs poppler's `pdftotext` over every file, `concurrency` processes at a time, reading its text
 * output from a pipe (so the text is really produced and read, not only written to /dev/null).
 */
export async function measurePdftotext(
  files: readonly string[],
  concurrency: number,
): Promise<PdftotextMeasure> {
  const missing = await checkPdftotext();
  if (missing) return { missing };
  const started = performance.now();
  const queue = [...files];
  const runNext = async (): Promise<void> => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) await extract(file);
  };
  await Promise.all(Array.from({ length: concurrency }, runNext));
  return { seconds: (performance.now() - started) / 1000 };
}

function extract(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('pdftotext', ['-q', '-enc', 'UTF-8', file, '-'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `Cannot run pdftotext on "${file}": it exited with status ${code ?? 'unknown'}`,
          ),
        );
    });
  });
}

/** Resolves with undefined when pdftotext runs, or a sentence saying why it cannot. */
function checkPdftotext(): Promise<string | undefined> {
  return new Promise((resolve) => {
    const child = spawn('pdftotext', ['-v'], { stdio: 'ignore' });
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve(
        error.code === 'ENOENT'
          ? 'pdftotext is not installed (Debian package poppler-utils)'
          : `pdftotext cannot run: ${error.message}`,
      );
    });
    child.on('close', () => {
      resolve(undefined);
    });
  });
}

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

/** How long the `simwatch` command took, run as a user runs it, and what it reported. */
export interface CliMeasure {
  seconds: number;
  /** Documents and findings in its JSON Lines output. */
  documents: number;
  findings: number;
}

const command = fileURLToPath(new URL('../../bin/simwatch.js', import.meta.url));

/**
 * Runs `simwatch screen FOLDER --format jsonl --no-progress` in a new process and times it from
 * spawning to exit: Node's start-up, loading the command, the catalogue and the model, starting
 * the workers, reading and screening every file, and printing.
 */
export function measureCliScreening(
  folder: string,
  options: { args?: readonly string[]; env?: Readonly<Record<string, string>> } = {},
): Promise<CliMeasure> {
  return timeCommand(
    ['screen', folder, '--format', 'jsonl', '--no-progress', ...(options.args ?? [])],
    options.env,
  ).then(({ seconds, output }) => {
    const documents = output.split('\n').filter((line) => line.trim() !== '');
    const findings = documents.reduce(
      (sum, line) => sum + ((JSON.parse(line) as { findings?: unknown[] }).findings?.length ?? 0),
      0,
    );
    return { seconds, documents: documents.length, findings };
  });
}

/** The seconds `simwatch --version` takes: the cost of starting the command at all. */
export async function measureCliStart(): Promise<number> {
  return (await timeCommand(['--version'])).seconds;
}

function timeCommand(
  args: string[],
  env?: Readonly<Record<string, string>>,
): Promise<{ seconds: number; output: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [command, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: env === undefined ? process.env : { ...process.env, ...env },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code === 0) resolve({ seconds, output: Buffer.concat(chunks).toString('utf8') });
      else
        reject(
          new Error(
            `Cannot time "simwatch ${args.join(' ')}": it exited with status ${code ?? 'unknown'}`,
          ),
        );
    });
  });
}

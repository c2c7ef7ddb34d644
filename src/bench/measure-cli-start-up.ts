import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

/** Times of one command run again and again, each in a new process. */
export interface StartUpMeasure {
  /** Wall-clock milliseconds of each run, from spawning to exit. */
  runsMs: number[];
  medianMs: number;
  /**
   * The median processor time (user + system) the process used: on a busy machine the wall
   * clock also counts the time it waited for a processor, which this does not.
   */
  medianCpuMs: number;
}

const command = fileURLToPath(new URL('../../bin/simwatch.js', import.meta.url));

/**
 * Runs `simwatch ARGS` `runs` times, one after the other, each as a user runs it (a new Node
 * process), after one run not counted that warms the file cache.
 */
export function measureCliStartUp(
  args: readonly string[],
  options: { runs: number; env?: NodeJS.ProcessEnv },
): Promise<StartUpMeasure> {
  return measureProcess([command, ...args], options);
}

/** The same for `node --eval 0`: Node.js's own start-up on this machine, for scale. */
export function measureNodeStartUp(options: { runs: number }): Promise<StartUpMeasure> {
  return measureProcess(['--eval', '0'], options);
}

/** Runs `simwatch ARGS` once; resolves with its wall-clock milliseconds, or rejects when it fails. */
export async function runCliOnce(
  args: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<number> {
  return (await timeProcess([command, ...args], env)).ms;
}

async function measureProcess(
  nodeArgs: readonly string[],
  options: { runs: number; env?: NodeJS.ProcessEnv },
): Promise<StartUpMeasure> {
  await timeProcess(nodeArgs, options.env);
  const runs = [];
  for (let run = 0; run < options.runs; run += 1)
    runs.push(await timeProcess(nodeArgs, options.env));
  return {
    runsMs: runs.map((run) => run.ms),
    medianMs: median(runs.map((run) => run.ms)),
    medianCpuMs: median(runs.map((run) => run.cpuMs)),
  };
}

/**
 * Runs node with `nodeArgs` under `sh`, whose `times` reports the processor time its child used
 * (Node.js cannot tell a child's); the wall clock runs from spawning `sh`, about a millisecond
 * more than node alone.
 */
function timeProcess(
  nodeArgs: readonly string[],
  env?: NodeJS.ProcessEnv,
): Promise<{ ms: number; cpuMs: number }> {
  const script = '"$@" >/dev/null; status=$?; times; exit $status';
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn('/bin/sh', ['-c', script, 'sh', process.execPath, ...nodeArgs], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: env ?? process.env,
    });
    const output: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => errors.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      if (code === 0) resolve({ ms, cpuMs: childCpuMs(Buffer.concat(output).toString('utf8')) });
      else
        reject(
          new Error(
            `Cannot time "node ${nodeArgs.join(' ')}": it exited with status ${code ?? 'unknown'}: ` +
              Buffer.concat(errors).toString('utf8').trim(),
          ),
        );
    });
  });
}

/** The children's user and system time from the last line of `times` ("0m0.31s 0m0.05s"). */
function childCpuMs(timesOutput: string): number {
  const last = timesOutput.trim().split('\n').at(-1) ?? '';
  const parts = [...last.matchAll(/(\d+)m([\d.]+)s/g)];
  if (parts.length !== 2) return Number.NaN;
  return parts.reduce(
    (sum, [, minutes, seconds]) => sum + (Number(minutes) * 60 + Number(seconds)) * 1000,
    0,
  );
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? Number.NaN)
    : ((sorted[middle - 1] ?? Number.NaN) + (sorted[middle] ?? Number.NaN)) / 2;
}

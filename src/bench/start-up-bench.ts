import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { measureCliStartUp, measureNodeStartUp, runCliOnce } from './measure-cli-start-up.js';

/** The start-up targets of issue 13, in milliseconds, median of new processes. */
const targets = [
  { args: ['--version'], label: 'simwatch --version', ms: 200 },
  { args: ['--help'], label: 'simwatch --help', ms: 200 },
  { args: ['status'], label: 'simwatch status on the demo register', ms: 500 },
] as const;
const runs = 9;

/**
 * Times `simwatch --version`, `--help` and `status` (on a demo register built first in a
 * temporary folder), each as a new process `runs` times, and prints the medians with a PASS/FAIL
 * line per target. Returns true when every target is met.
 */
export async function runStartUpBench(
  log: (line: string) => void,
  options: { title: string } = { title: 'Start-up' },
): Promise<boolean> {
  const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-bench-start-up-'));
  const env = { ...process.env, SIMWATCH_DATA_DIR: dataDir, DATABASE_URL: '' };
  try {
    const demoMs = await runCliOnce(['demo'], env);
    log(
      `${options.title}: each command as a new process, ${runs} runs after one not counted; the demo ` +
        `register built in ${(demoMs / 1000).toFixed(1)} s (not counted); load average before: ` +
        loadavg()
          .map((load) => load.toFixed(2))
          .join(', '),
    );
    const node = await measureNodeStartUp({ runs });
    log(
      `  ${'node --eval 0 (Node.js alone, for scale)'.padEnd(42)} median ${ms(node.medianMs)}, ` +
        `processor ${ms(node.medianCpuMs)}`,
    );
    const results = [];
    for (const target of targets) {
      const measure = await measureCliStartUp(target.args, { runs, env });
      results.push({ ...target, measure });
      log(
        `  ${target.label.padEnd(42)} median ${ms(measure.medianMs)}, processor ` +
          `${ms(measure.medianCpuMs)} (runs: ${measure.runsMs.map((run) => run.toFixed(0)).join(', ')} ms)`,
      );
    }
    log(
      '  (wall clock from spawning to exit; "processor" is the user and system time the process ' +
        'used, which a busy machine inflates far less)',
    );
    log('');
    for (const { label, ms: target, measure } of results)
      log(
        `${measure.medianMs < target ? 'PASS' : 'FAIL'}  ${label} under ${target} ms: ` +
          `median ${ms(measure.medianMs)}`,
      );
    return results.every(({ ms: target, measure }) => measure.medianMs < target);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function ms(value: number): string {
  return `${value.toFixed(0).padStart(5)} ms`;
}

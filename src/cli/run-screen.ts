import { describeError } from '../errors.js';
import { createOutput } from './create-output.js';
import { exitStatus } from './exit-status.js';
import { csvFormat } from './format-csv.js';
import { jsonFormat } from './format-json.js';
import { jsonlFormat } from './format-jsonl.js';
import { createTextFormat } from './format-text.js';
import type { OutputFormat } from './output-format.js';
import type { ScreenCommandOptions } from './parse-screen-options.js';
import { createProgressBar } from './progress-bar.js';
import { screenInParallel } from './screen-in-parallel.js';
import { createScreeningPool } from '../pipeline/screening-pool.js';
import { emptySummary, summarize } from './screen-summary.js';
import type { ScreenTask } from '../pipeline/screen-task.js';
import type { Terminal } from './terminal.js';

/** Screens the tasks in parallel and prints the results; resolves with the exit status. */
export async function runScreen(
  tasks: readonly ScreenTask[],
  options: ScreenCommandOptions,
  terminal: Terminal,
): Promise<number> {
  const output = createOutput(terminal.stdout);
  const format = selectFormat(options, terminal);
  const showProgress = options.progress && terminal.stderr.isTTY === true && tasks.length > 1;
  const progress = showProgress ? createProgressBar(terminal.stderr, tasks.length) : undefined;
  const failOn = new Set(options.failOn);
  let summary = emptySummary;
  let failOnFound = false;
  const pool = createScreeningPool(options);
  const results = screenInParallel(tasks, pool, {
    onInputDone: (finished) => progress?.update(finished),
  });
  progress?.update(0);
  try {
    await output.write(format.begin());
    for await (const screening of results) {
      if (terminal.stdout.isTTY) progress?.clear();
      await output.write(format.document(screening, summary.documents));
      summary = summarize(summary, screening);
      failOnFound ||= screening.labels.some((label) => failOn.has(label));
      if (output.closed) break;
    }
  } catch (error) {
    progress?.clear();
    terminal.stderr.write(`${describeError(error).message}\n`);
    return exitStatus.cannotRun;
  } finally {
    await pool.close();
  }
  progress?.clear();
  await output.write(format.end(summary));
  return failOnFound ? exitStatus.failOnFound : exitStatus.ok;
}

function selectFormat(options: ScreenCommandOptions, terminal: Terminal): OutputFormat {
  switch (options.format) {
    case 'json':
      return jsonFormat;
    case 'jsonl':
      return jsonlFormat;
    case 'csv':
      return csvFormat;
    case 'text':
      return createTextFormat({
        color: options.color && terminal.stdout.isTTY === true && !terminal.noColor,
      });
  }
}

import { availableParallelism } from 'node:os';

import { readOcrSettings } from '../ocr/ocr-settings.js';
import type { CliCommand } from './cli-command.js';
import { exitStatus } from './exit-status.js';
import { listInputs } from './list-inputs.js';
import { parseScreenOptions } from './parse-screen-options.js';
import { readStdin } from './read-stdin.js';
import { reportUsageError } from './report-usage-error.js';
import { runScreen } from './run-screen.js';
import { screenHelp, screenSynopsis } from './screen-help.js';

/** `simwatch screen`: screens files, folders and standard input, in parallel. */
export const screenCommand: CliCommand = {
  name: 'screen',
  summary: 'Screen documents for the features of concern and print the findings',
  async run(args, terminal) {
    let options;
    try {
      const ocr = readOcrSettings(terminal.env, { cwd: terminal.cwd });
      options = parseScreenOptions(args, { jobs: availableParallelism(), ocr });
    } catch (error) {
      return reportUsageError(
        error,
        terminal,
        `${screenSynopsis}\nRun "simwatch screen --help" for the options.`,
      );
    }
    if (options.help) {
      terminal.stdout.write(screenHelp);
      return exitStatus.ok;
    }
    const maxBytes = options.limits.maxFileBytes;
    const tasks = await listInputs(options.inputs, () => readStdin(terminal.stdin, maxBytes));
    if (tasks.length === 0) {
      terminal.stderr.write(
        `Nothing to screen: no files found in ${options.inputs.map((input) => `"${input}"`).join(', ')}\n`,
      );
    }
    return runScreen(tasks, options, terminal);
  },
};

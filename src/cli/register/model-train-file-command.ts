import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { SimwatchError } from '../../errors.js';
import { readTrainingInput } from '../../register/models/training-input.js';
import { formatModelEvaluation } from '../../screening/evaluation/format-model-evaluation.js';
import { loadCatalogue } from '../../screening/load-catalogue.js';
import { serialiseModel } from '../../screening/model/model-file.js';
import {
  trainAndEvaluate,
  type ModelEvaluation,
} from '../../screening/model/train-and-evaluate.js';
import type { CliCommand } from '../cli-command.js';
import { describeParseArgsError } from '../describe-parse-args-error.js';
import { exitStatus } from '../exit-status.js';
import { reportUsageError } from '../report-usage-error.js';

/**
 * `simwatch model train --out FILE --no-register`: trains on corpus files alone and writes the
 * model to a file, opening no register (how the model shipped with simwatch is made).
 */
export function trainModelFileCommand(usage: string): CliCommand {
  return {
    name: 'model train',
    summary: 'Train the screening model on labelled corpus files and write it to a file',
    async run(args, terminal) {
      const usageError = (message: string) =>
        reportUsageError(
          new SimwatchError('usage', message),
          terminal,
          `${usage}\nRun "simwatch model train --help" for the options.`,
        );
      let values;
      try {
        ({ values } = parseArgs({
          args: [...args],
          options: {
            corpus: { type: 'string', multiple: true },
            ordinary: { type: 'string' },
            out: { type: 'string' },
            'no-register': { type: 'boolean' },
          },
          strict: true,
        }));
      } catch (error) {
        return usageError(`Cannot run simwatch model train: ${describeParseArgsError(error)}`);
      }
      const corpusPaths = (values.corpus ?? []).map((path) => resolve(terminal.cwd, path));
      if (corpusPaths.length === 0)
        return usageError(
          'Cannot train the model: give at least one labelled corpus with --corpus',
        );
      if (values.out === undefined)
        return usageError(
          'Cannot train the model with --no-register and nowhere to put it: give --out FILE',
        );
      const catalogue = loadCatalogue();
      const training = readTrainingInput(
        {
          corpusPaths,
          ordinaryFolder:
            values.ordinary === undefined ? undefined : resolve(terminal.cwd, values.ordinary),
        },
        catalogue,
      );
      terminal.stderr.write(
        `Training on ${training.corpus.length} passages from ` +
          `${corpusPaths.map((path) => basename(path)).join(', ')}\n`,
      );
      const { model } = trainAndEvaluate(
        training.corpus,
        training.options(new Date().toISOString(), (step) => terminal.stderr.write(`  ${step}\n`)),
      );
      const out = resolve(terminal.cwd, values.out);
      await writeFile(out, serialiseModel(model));
      terminal.stdout.write(formatModelEvaluation(model.evaluation as ModelEvaluation));
      terminal.stdout.write(`\nWrote model ${model.version} to ${out}\n`);
      return exitStatus.ok;
    },
  };
}

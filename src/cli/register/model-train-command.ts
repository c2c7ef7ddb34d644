import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { basename, resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { exampleOfPassage, readLabelledCorpus } from '../../screening/evaluation/labelled-corpus.js';
import { readOrdinaryDocuments } from '../../screening/evaluation/read-ordinary-documents.js';
import { loadCatalogue } from '../../screening/load-catalogue.js';
import { serialiseModel } from '../../screening/model/model-file.js';
import { readExamples } from '../../screening/model/read-examples.js';
import {
  trainAndEvaluate,
  type ModelEvaluation,
} from '../../screening/model/train-and-evaluate.js';
import { defaultThreshold } from '../../screening/score-finding.js';
import type { CliCommand } from '../cli-command.js';
import { describeParseArgsError } from '../describe-parse-args-error.js';
import { exitStatus } from '../exit-status.js';
import { reportUsageError } from '../report-usage-error.js';
import { formatModelEvaluation } from '../../screening/evaluation/format-model-evaluation.js';

const usage =
  'Usage: simwatch model train --corpus FILE [--corpus FILE...] [--ordinary FOLDER] [--out FILE] [--no-register]';

const help = `Trains the screening model from labelled corpus files (JSON Lines, one passage a
line, labelled by the labelling guide) and the register's reviewed findings, evaluates it by
cross-validation grouped by source page, and prints the figures.

Without --out, the new model becomes the register's active model only if it scores at least as
well as the active one on the same corpus; the change is recorded in the tamper-evident record.

Options:
  --corpus FILE      A labelled corpus (give it again for more); required
  --ordinary FOLDER  Text documents that describe no such practice: findings on them are false
                     leads, counted per 100,000 words
  --out FILE         Write the model to FILE instead of activating it in the register
  --no-register      Learn from the corpus files only, not from the register's reviewers`;

/** `simwatch model train`: trains, evaluates and (for a register) activates the screening model. */
export const modelTrainCommand: CliCommand = {
  name: 'model train',
  summary: 'Train the screening model on labelled passages and reviewers’ decisions',
  async run(args, terminal) {
    let parsed;
    try {
      parsed = parseArgs({
        args: [...args],
        options: {
          help: { type: 'boolean', short: 'h' },
          corpus: { type: 'string', multiple: true },
          ordinary: { type: 'string' },
          out: { type: 'string' },
          'no-register': { type: 'boolean' },
        },
        strict: true,
      });
    } catch (error) {
      return usageError(`Cannot run simwatch model train: ${describeParseArgsError(error)}`);
    }
    const { values } = parsed;
    if (values.help === true) {
      terminal.stdout.write(`${usage}\n\n${help}\n`);
      return exitStatus.ok;
    }
    const corpora = (values.corpus ?? []).map((path) => resolve(terminal.cwd, path));
    if (corpora.length === 0)
      return usageError('Cannot train the model: give at least one labelled corpus with --corpus');
    if (values.out === undefined || values['no-register'] !== true)
      throw new SimwatchError(
        'usage',
        'Cannot train the model for a register yet: give --out FILE and --no-register',
      );
    const catalogue = loadCatalogue();
    const examples = corpora.flatMap((path) =>
      readLabelledCorpus(path).map((passage) => exampleOfPassage(passage, path)),
    );
    const progress = (step: string) => terminal.stderr.write(`  ${step}\n`);
    terminal.stderr.write(
      `Training on ${examples.length} passages from ${corpora.map((path) => basename(path)).join(', ')}\n`,
    );
    const ordinaryDocuments =
      values.ordinary === undefined
        ? undefined
        : readOrdinaryDocuments(resolve(terminal.cwd, values.ordinary));
    const { model } = trainAndEvaluate(readExamples(examples, catalogue), {
      catalogue,
      threshold: defaultThreshold,
      train: {
        catalogueVersion: catalogue.version,
        createdAt: new Date().toISOString(),
        corpora: corpora.map((path) => basename(path)),
      },
      ...(ordinaryDocuments ? { ordinaryDocuments } : {}),
      progress,
    });
    const out = resolve(terminal.cwd, values.out);
    writeFileSync(out, serialiseModel(model));
    terminal.stdout.write(formatModelEvaluation(model.evaluation as ModelEvaluation));
    terminal.stdout.write(`\nWrote model ${model.version} to ${out}\n`);
    return exitStatus.ok;

    function usageError(message: string): number {
      return reportUsageError(new SimwatchError('usage', message), terminal, `${usage}\nRun "simwatch model train --help" for the options.`);
    }
  },
};

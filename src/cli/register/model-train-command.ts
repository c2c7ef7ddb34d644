import { resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { trainModelForRegister } from '../../register/models/models-service.js';
import { formatModelEvaluation } from '../../screening/evaluation/format-model-evaluation.js';
import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import type { CliCommand } from '../cli-command.js';
import { defineRegisterCommand, listOption, stringOption } from './define-register-command.js';
import { describeActivation } from './describe-model.js';
import { trainModelFileCommand } from './model-train-file-command.js';

const usage =
  'Usage: simwatch model train --corpus FILE [--corpus FILE...] [--ordinary FOLDER] [--json]\n' +
  '       simwatch model train --corpus FILE [--corpus FILE...] [--ordinary FOLDER] --out FILE --no-register';

const help = `Trains the screening model from labelled corpus files (JSON Lines, one passage a
line, labelled by the labelling guide) and the register's reviewed findings (a
confirmed finding shows its label, a rejected one does not), evaluates it by
cross-validation grouped by source page, and prints the figures.

The new model becomes the register's active model only if its macro-F1 on the
corpus is at least the baseline's: the same corpus and folds with the reviewed
findings the model in use learned from. So it asks whether the reviewers'
decisions since then made screening better or worse on real text. A worse model
is refused (exit status 2) and nothing changes; a model that is not worse is kept
in the document store and its activation is recorded in the tamper-evident record.

With --out FILE and --no-register it learns from the corpus files only, writes
the model to FILE and needs no register (how the shipped model is made: "npm run
train").

Options:
  --corpus FILE      A labelled corpus (give it again for more); required
  --ordinary FOLDER  Text documents that describe no such practice: findings on them are false
                     leads, counted per 100,000 words
  --out FILE         With --no-register: write the model to FILE
  --no-register      Learn from the corpus files only, not from the register's reviewers
  --actor NAME       Who is training it
  --json             Print the activation as JSON`;

const registerTrainCommand = defineRegisterCommand({
  name: 'model train',
  summary: 'Train the screening model on labelled passages and reviewers’ decisions',
  usage,
  help,
  options: {
    corpus: { type: 'string', multiple: true },
    ordinary: { type: 'string' },
    out: { type: 'string' },
  },
  fields: { corpus: '--corpus FILE' },
  async run({ values, deps, actor, json, print, terminal }) {
    if (stringOption(values.out) !== undefined)
      throw new SimwatchError(
        'usage',
        'Cannot write the model to a file from the register: give --no-register with --out, ' +
          'or leave out --out to make the model active in the register',
      );
    const corpusPaths = listOption(values.corpus).map((path) => resolve(terminal.cwd, path));
    if (corpusPaths.length === 0)
      throw new SimwatchError(
        'usage',
        'Cannot train the model: give at least one labelled corpus with --corpus',
      );
    const ordinary = stringOption(values.ordinary);
    const { activation, model } = await trainModelForRegister(deps, {
      corpusPaths,
      ...(ordinary === undefined ? {} : { ordinaryFolder: resolve(terminal.cwd, ordinary) }),
      actor,
      progress: (step) => terminal.stderr.write(`  ${step}\n`),
    });
    if (json) {
      print(JSON.stringify(activation, null, 2));
      return 0;
    }
    terminal.stdout.write(formatModelEvaluation(model.evaluation as ModelEvaluation));
    print('');
    print(`Model ${activation.version} is now the register's active model.`);
    for (const line of describeActivation(activation)) print(line);
    return 0;
  },
});

/**
 * `simwatch model train`: trains the screening model and makes it active in the register, or,
 * with `--no-register`, writes it to a file without opening a register.
 */
export const modelTrainCommand: CliCommand = {
  name: registerTrainCommand.name,
  summary: registerTrainCommand.summary,
  run(args, terminal) {
    const asksForHelp = args.includes('--help') || args.includes('-h');
    if (args.includes('--no-register') && !asksForHelp)
      return trainModelFileCommand(usage).run(args, terminal);
    return registerTrainCommand.run(args, terminal);
  },
};

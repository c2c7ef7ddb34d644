import { activationInUse } from '../../register/models/model-activation.js';
import { findActiveModel, listModelActivations } from '../../register/models/models-repository.js';
import { formatModelEvaluation } from '../../screening/evaluation/format-model-evaluation.js';
import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import { defineCommandGroup, defineRegisterCommand } from './define-register-command.js';
import { describeActivation, describeTrainingData } from './describe-model.js';
import { modelTrainCommand } from './model-train-command.js';

const showCommand = defineRegisterCommand({
  name: 'model show',
  summary: 'Show the screening model in use: what it learned from and how well it does',
  usage: 'Usage: simwatch model show [--json]',
  help: `Shows the screening model this register screens with: the register's active
model, or the model shipped with simwatch when none has been made active (or the
active one was trained with another version of the catalogue). Then what it was
trained on and its figures from grouped cross-validation on the real corpus.`,
  async run({ deps, json, print, terminal }) {
    const engine = deps.engine();
    const recorded = await findActiveModel(deps.database.db);
    const activation = activationInUse(recorded, engine.catalogueVersion).activation;
    const model = engine.model;
    const evaluation = model.evaluation as ModelEvaluation | null;
    if (json) {
      print(
        JSON.stringify(
          {
            source: activation ? 'register' : 'shipped',
            version: model.version,
            createdAt: model.createdAt,
            catalogueVersion: model.catalogueVersion,
            trainingData: model.trainingData,
            evaluation,
            activation: activation ?? null,
            warning: deps.engineWarning(),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    print(
      activation
        ? `Screening uses model ${model.version}, the register's active model.`
        : `Screening uses model ${model.version}, shipped with simwatch: ` +
            (recorded
              ? `the register's active model ${recorded.version} cannot be used.`
              : 'no model has been made active in this register.'),
    );
    if (activation) for (const line of describeActivation(activation)) print(line);
    else
      print(
        `  Trained on ${describeTrainingData(model.trainingData)}; made ${model.createdAt} ` +
          `with catalogue ${model.catalogueVersion}`,
      );
    if (evaluation) {
      print('');
      terminal.stdout.write(formatModelEvaluation(evaluation));
    }
    return 0;
  },
});

const historyCommand = defineRegisterCommand({
  name: 'model history',
  summary: 'List the screening models made active in this register',
  usage: 'Usage: simwatch model history [--json]',
  help: `Lists every screening model made active in this register, the first first, with
the figures it was made active on and the model it replaced. Each activation is
an event of the tamper-evident record.`,
  async run({ deps, json, print }) {
    const activations = await listModelActivations(deps.database.db);
    if (json) {
      print(JSON.stringify(activations, null, 2));
      return 0;
    }
    if (activations.length === 0)
      print(
        'No model has been made active in this register: it screens with the model shipped with simwatch.',
      );
    for (const activation of activations) {
      print(`#${activation.id} model ${activation.version}`);
      for (const line of describeActivation(activation)) print(line);
    }
    return 0;
  },
});

/** `simwatch model ...`: train the screening model, and see the one in use and those before. */
export const modelCommand = defineCommandGroup(
  'model',
  'Train the screening model and see how well it does',
  [modelTrainCommand, showCommand, historyCommand],
);

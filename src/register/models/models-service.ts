import { SimwatchError } from '../../errors.js';
import { loadCatalogue } from '../../screening/load-catalogue.js';
import { loadModelFile, parseModel, serialiseModel } from '../../screening/model/model-file.js';
import { readExamples } from '../../screening/model/read-examples.js';
import type { ScreeningModel } from '../../screening/model/screening-model.js';
import {
  evaluateTraining,
  trainAndEvaluate,
  type ModelEvaluation,
  type TrainAndEvaluateOptions,
} from '../../screening/model/train-and-evaluate.js';
import type { ReadExample } from '../../screening/model/train-model.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { ModelActivationRecord } from '../register-event.js';
import { checkText } from '../validate-input.js';
import {
  activationInUse,
  activationRefusal,
  figuresOf,
  type ModelActivation,
} from './model-activation.js';
import { findActiveModel, listPassagesByIds, listReviewedPassages } from './models-repository.js';
import {
  examplesOfIds,
  reviewedExamples,
  sameReviewedFindings,
  type ReviewedFindingIds,
} from './reviewed-examples.js';
import { readTrainingInput, type TrainingSources } from './training-input.js';

/** The register's active model: its activation and the model itself, read from its file. */
export interface ActiveModel {
  activation: ModelActivation;
  model: ScreeningModel;
}

/** What training a model for the register needs. */
export interface RegisterTrainingInput extends TrainingSources {
  actor: string;
  /** Told of each step as it finishes. */
  progress?: (step: string) => void;
}

/**
 * Reads the register's active model from the document store, checking that its file is the one
 * recorded. Undefined when the register has never activated a model.
 */
export async function loadActiveModel(
  deps: Pick<RegisterDeps, 'database' | 'blobs'>,
): Promise<ActiveModel | undefined> {
  const activation = await findActiveModel(deps.database.db);
  if (!activation) return undefined;
  const bytes = await deps.blobs.find(activation.sha256);
  if (!bytes)
    throw new SimwatchError(
      'invalid_model',
      `Cannot load the register's active screening model ${activation.version}: its file ` +
        `${activation.sha256} is missing from the document store`,
    );
  return {
    activation,
    model: parseModel(bytes.toString('utf8'), `${activation.version} of the register`),
  };
}

/**
 * Trains a screening model on labelled corpus files and the register's reviewed findings, and
 * makes it the active model if its grouped cross-validation on the corpus is at least as good
 * as the baseline's: the same corpus and folds with the reviewed findings the model in use
 * learned from (see `activationRefusal`). A worse model is refused with `model_not_better` and
 * nothing is recorded. A model that is not worse is kept in the document store and activated,
 * with its figures, by one `model.activated` event; this process then screens with it.
 */
export async function trainModelForRegister(
  deps: RegisterDeps,
  input: RegisterTrainingInput,
): Promise<ActiveModel> {
  const actor = checkText(input.actor, 'who is training the model');
  if (input.corpusPaths.length === 0)
    throw new SimwatchError(
      'invalid_input',
      'Cannot train the screening model without a labelled corpus: give at least one corpus file',
      { field: 'corpus' },
    );
  const { db } = deps.database;
  const catalogue = loadCatalogue();
  const training = readTrainingInput(input, catalogue);
  const active = await findActiveModel(db);
  const inUse = activationInUse(active, catalogue.version).activation;
  const reviewed = reviewedExamples(await listReviewedPassages(db));
  input.progress?.(
    `Training on ${training.corpus.length} corpus passages and ${reviewed.examples.length} ` +
      'reviewed findings of the register',
  );
  const options = training.options(deps.now().toISOString(), input.progress);
  const { model } = trainAndEvaluate(
    [...training.corpus, ...readExamples(reviewed.examples, catalogue)],
    options,
  );
  const evaluation = model.evaluation as ModelEvaluation;
  const learnedBefore: ReviewedFindingIds = inUse?.reviewedFindings ?? {
    confirmed: [],
    rejected: [],
  };
  const baselineMacroF1 = await scoreBaseline(deps, learnedBefore, {
    corpus: training.corpus,
    options,
    candidate: { reviewed: reviewed.ids, macroF1: evaluation.withUncertain.macroF1 },
    progress: input.progress,
  });
  const inUseVersion = inUse?.version ?? loadModelFile().version;
  const refusal = activationRefusal({
    candidateVersion: model.version,
    candidateMacroF1: evaluation.withUncertain.macroF1,
    inUseVersion,
    inUseReviewedFindings: learnedBefore.confirmed.length + learnedBefore.rejected.length,
    baselineMacroF1,
  });
  if (refusal) throw new SimwatchError('model_not_better', refusal);

  // Stored before the transaction, as a document's original is: a row never names a missing file.
  const sha256 = await deps.blobs.put(Buffer.from(serialiseModel(model), 'utf8'));
  const activation = await recordChange(deps, actor, async (trx, time) => {
    const latest = await findActiveModel(trx);
    if (latest?.id !== active?.id)
      throw new SimwatchError(
        'conflict',
        `Cannot make model ${model.version} active: model ${latest?.version ?? ''} was made ` +
          'active while it was training; train it again',
      );
    const record: ModelActivationRecord = {
      id: await nextId(trx, 'screening_models'),
      version: model.version,
      createdAt: model.createdAt,
      catalogueVersion: model.catalogueVersion,
      sha256,
      trainingData: model.trainingData,
      reviewedFindings: reviewed.ids,
      evaluation: figuresOf(evaluation, baselineMacroF1),
      previousVersion: inUseVersion,
      activatedAt: time,
      activatedBy: actor,
    };
    return { events: [{ type: 'model.activated', payload: { model: record } }], result: record };
  });
  await deps.refreshEngine();
  return { activation, model };
}

/**
 * The baseline's macro-F1: grouped cross-validation of the same corpus on the same folds, with
 * the reviewed findings the model in use learned from, as they were decided then. When those
 * are the candidate's own, the candidate's figure is the baseline's.
 */
async function scoreBaseline(
  deps: RegisterDeps,
  learnedBefore: ReviewedFindingIds,
  context: {
    corpus: ReadExample[];
    options: TrainAndEvaluateOptions;
    candidate: { reviewed: ReviewedFindingIds; macroF1: number };
    progress: ((step: string) => void) | undefined;
  },
): Promise<number> {
  if (sameReviewedFindings(learnedBefore, context.candidate.reviewed))
    return context.candidate.macroF1;
  const passages = await listPassagesByIds(deps.database.db, [
    ...learnedBefore.confirmed,
    ...learnedBefore.rejected,
  ]);
  const examples = readExamples(examplesOfIds(passages, learnedBefore), context.options.catalogue);
  const baseline = evaluateTraining([...context.corpus, ...examples], {
    ...context.options,
    learningCurveShares: [],
    progress: (step) => context.progress?.(`baseline: ${step}`),
  });
  return baseline.summary.withUncertain.macroF1;
}

import { basename } from 'node:path';

import type { TrainingConfig } from '../../../config/load-config.js';
import type { ModelActivation } from '../../../register/models/model-activation.js';
import {
  modelEvaluationOf,
  modelEvaluationView,
  type ModelEvaluationView,
} from '../../render/model-evaluation-view.js';
import { formatPercent } from '../../render/format-percent.js';
import type { EngineInUse } from './engine-in-use.js';
import type { TrainingJob } from '../../../app/model-training/model-training.js';
import { refusalFigures } from './refusal-figures.js';

/** A training job as the model page shows it. */
export type TrainingJobView =
  | { state: 'running'; startedBy: string; startedAt: string; steps: string[] }
  | {
      state: 'activated';
      startedBy: string;
      startedAt: string;
      finishedAt: string;
      steps: string[];
      version: string;
      macroF1: string;
      baselineMacroF1: string;
    }
  | {
      state: 'refused';
      startedBy: string;
      startedAt: string;
      finishedAt: string;
      steps: string[];
      /** The new model's macro-F1 and the baseline's, worded so that they differ; or null. */
      figures: { candidate: string; baseline: string } | null;
      message: string;
    }
  | {
      state: 'failed';
      startedBy: string;
      startedAt: string;
      finishedAt: string;
      steps: string[];
      message: string;
    };

/** Everything the model page shows. */
export interface ModelPageValues {
  model: {
    version: string;
    createdAt: string;
    catalogueVersion: string;
    /** `register`: the register's active model; `shipped`: the model that comes with simwatch. */
    source: 'register' | 'shipped';
    passages: number;
    sources: number;
    corpora: string[];
    reviewedFindings: number;
    activation: ModelActivation | null;
  };
  /** The register's active model when screening cannot use it (see `warning`). */
  recordedNotInUse: string | null;
  warning: string | null;
  evaluation: ModelEvaluationView | undefined;
  /** Every activation in the register, the newest first. */
  history: (ModelActivation & { inUse: boolean })[];
  training: {
    /** False when no labelled corpus is configured: the page says how to configure one. */
    configured: boolean;
    corpora: string[];
    ordinary: string | null;
    job: TrainingJobView | undefined;
  };
}

/**
 * Lays out the model page: the model screening uses, its cross-validated figures, the register's
 * history of activations and the latest training job.
 */
export function modelPageValues(input: {
  inUse: EngineInUse;
  activations: readonly ModelActivation[];
  job: TrainingJob | undefined;
  training: TrainingConfig;
}): ModelPageValues {
  const { engine, activation, recorded, warning } = input.inUse;
  const { model } = engine;
  const evaluation = modelEvaluationOf(model);
  return {
    model: {
      version: model.version,
      createdAt: model.createdAt,
      catalogueVersion: model.catalogueVersion,
      source: activation ? 'register' : 'shipped',
      passages: model.trainingData.passages,
      sources: model.trainingData.sources,
      corpora: model.trainingData.corpora,
      reviewedFindings: model.trainingData.reviewedFindings,
      activation: activation ?? null,
    },
    recordedNotInUse: recorded && !activation ? recorded.version : null,
    warning,
    evaluation: evaluation && modelEvaluationView(evaluation, { id: 'model' }),
    history: [...input.activations]
      .reverse()
      .map((each) => ({ ...each, inUse: each.id === activation?.id })),
    training: {
      configured: input.training.corpusPaths.length > 0,
      corpora: input.training.corpusPaths.map((path) => basename(path)),
      ordinary: input.training.ordinaryFolder && basename(input.training.ordinaryFolder),
      job: input.job && trainingJobView(input.job),
    },
  };
}

/** A training job in words: its steps, and how it ended with the figures it ended on. */
export function trainingJobView(job: TrainingJob): TrainingJobView {
  const started = { startedBy: job.startedBy, startedAt: job.startedAt, steps: job.steps };
  switch (job.state) {
    case 'running':
      return { state: 'running', ...started };
    case 'activated': {
      const { macroF1, baselineMacroF1 } = job.activation.evaluation;
      const [shown, shownBaseline] = distinctPercents(macroF1, baselineMacroF1);
      return {
        state: 'activated',
        ...started,
        finishedAt: job.finishedAt,
        version: job.activation.version,
        macroF1: shown,
        baselineMacroF1: shownBaseline,
      };
    }
    case 'refused': {
      const figures = refusalFigures(job.message);
      const [candidate, baseline] = figures
        ? distinctPercents(figures.candidate, figures.baseline)
        : [];
      return {
        state: 'refused',
        ...started,
        finishedAt: job.finishedAt,
        figures: candidate && baseline ? { candidate, baseline } : null,
        message: job.message,
      };
    }
    case 'failed':
      return {
        state: 'failed',
        ...started,
        finishedAt: job.finishedAt,
        // Unexpected failures are in the server's log; their details are not for a page.
        message:
          job.code === 'internal'
            ? 'There was a problem with the service while training the model. Try again later. If it happens again, the details are in the server’s log.'
            : job.message,
      };
  }
}

/** Two shares as percentages with one decimal, or as many more as it takes to tell them apart. */
export function distinctPercents(a: number, b: number): [string, string] {
  for (let digits = 1; digits < 6; digits += 1) {
    const shown: [string, string] = [formatPercent(a, digits), formatPercent(b, digits)];
    if (shown[0] !== shown[1] || a === b) return shown;
  }
  return [formatPercent(a, 6), formatPercent(b, 6)];
}

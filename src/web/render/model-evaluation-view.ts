import { labels, type Label } from '../../screening/finding.js';
import type { ScreeningModel } from '../../screening/model/screening-model.js';
import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import { formatPercent } from './format-percent.js';
import { labelNames } from './label-names.js';
import { renderLineChart } from './line-chart.js';

/** One set of cross-validated figures (every labelled passage, or certain labels only). */
export interface ScoreSetView {
  id: 'all' | 'certain';
  title: string;
  description: string;
  passages: number;
  macroF1: number;
  critique: { total: number; flagged: number; share: number };
  rows: {
    label: Label;
    name: string;
    /** False for assurances: they are reported but not in the average. */
    averaged: boolean;
    /** Null when screening flagged nothing: there is no share to give. */
    precision: number | null;
    /** Null when no passage showed it. */
    recall: number | null;
    f1: number;
    truePositives: number;
    falsePositives: number;
    falseNegatives: number;
  }[];
}

/** A model's evaluation as the method and model pages show it (shares stay 0 to 1). */
export interface ModelEvaluationView {
  folds: number;
  threshold: number;
  sets: ScoreSetView[];
  byThreshold: {
    threshold: number;
    macroF1: number;
    certainMacroF1: number;
    critiqueShare: number;
    isDefault: boolean;
  }[];
  calibration: ModelEvaluation['calibration'];
  learningCurve: {
    rows: ModelEvaluation['learningCurve'];
    /** SVG markup, its figures also in `rows`. */
    chart: string;
  };
  ordinaryDocuments: {
    documents: number;
    words: number;
    findings: number;
    perHundredThousandWords: number;
    byLabel: { name: string; findings: number }[];
  } | null;
}

/**
 * The evaluation a model carries (grouped cross-validation on the real corpus, made when it was
 * trained), or undefined when it has none or it is not one this version can read.
 */
export function modelEvaluationOf(
  model: Pick<ScreeningModel, 'evaluation'>,
): ModelEvaluation | undefined {
  const evaluation = model.evaluation as Partial<ModelEvaluation> | null | undefined;
  if (
    typeof evaluation !== 'object' ||
    evaluation === null ||
    !evaluation.withUncertain ||
    !evaluation.certainOnly ||
    !Array.isArray(evaluation.byThreshold) ||
    !evaluation.calibration ||
    !Array.isArray(evaluation.learningCurve)
  )
    return undefined;
  return evaluation as ModelEvaluation;
}

/** Lays out a model's evaluation for a page; `id` keeps the chart's ids unique on the page. */
export function modelEvaluationView(
  evaluation: ModelEvaluation,
  options: { id: string },
): ModelEvaluationView {
  const ordinary = evaluation.ordinaryDocuments;
  return {
    folds: evaluation.folds,
    threshold: evaluation.threshold,
    sets: [
      scoreSet('all', evaluation.withUncertain, {
        title: 'Every labelled passage',
        description:
          'Passages the labelling guide does not settle are counted with the label the labeller gave them.',
      }),
      scoreSet('certain', evaluation.certainOnly, {
        title: 'Passages with certain labels only',
        description: 'Passages the labellers marked as uncertain are left out.',
      }),
    ],
    byThreshold: evaluation.byThreshold.map((row) => ({
      ...row,
      isDefault: Math.abs(row.threshold - evaluation.threshold) < 1e-9,
    })),
    calibration: evaluation.calibration,
    learningCurve: {
      rows: evaluation.learningCurve,
      chart: learningCurveChart(evaluation.learningCurve, options.id),
    },
    ordinaryDocuments: ordinary
      ? {
          documents: ordinary.documents,
          words: ordinary.words,
          findings: ordinary.findings,
          perHundredThousandWords: ordinary.perHundredThousandWords,
          byLabel: labels
            .filter((label) => (ordinary.byLabel[label] ?? 0) > 0)
            .map((label) => ({ name: labelNames[label], findings: ordinary.byLabel[label] ?? 0 })),
        }
      : null,
  };
}

function scoreSet(
  id: ScoreSetView['id'],
  scores: ModelEvaluation['withUncertain'],
  words: { title: string; description: string },
): ScoreSetView {
  return {
    id,
    ...words,
    passages: scores.passages,
    macroF1: scores.macroF1,
    critique: scores.critique,
    rows: scores.perLabel.map((score) => ({
      label: score.label,
      name: labelNames[score.label],
      averaged: score.label !== 'assurance',
      // The scorer counts 0 of 0 as 100%; a page says there was nothing to count instead.
      precision: score.truePositives + score.falsePositives === 0 ? null : score.precision,
      recall: score.truePositives + score.falseNegatives === 0 ? null : score.recall,
      f1: score.f1,
      truePositives: score.truePositives,
      falsePositives: score.falsePositives,
      falseNegatives: score.falseNegatives,
    })),
  };
}

function learningCurveChart(rows: ModelEvaluation['learningCurve'], id: string): string {
  const first = rows[0];
  const last = rows.at(-1);
  const description =
    first && last
      ? `Macro-F1 on every labelled passage was ${formatPercent(first.macroF1, 1)} when trained on about ${first.trainingPassages} passages and ${formatPercent(last.macroF1, 1)} when trained on about ${last.trainingPassages}; on certain labels only, ${formatPercent(first.certainMacroF1, 1)} and ${formatPercent(last.certainMacroF1, 1)}. The table below gives every figure.`
      : 'No figures.';
  return renderLineChart({
    id: `${id}-learning-curve`,
    title: 'How macro-F1 changes with the number of passages the model is trained on',
    description,
    xLabel: 'Passages trained on (about)',
    yLabel: 'Macro-F1',
    series: [
      {
        name: 'Every labelled passage',
        points: rows.map((row) => ({ x: row.trainingPassages, y: row.macroF1 })),
      },
      {
        name: 'Certain labels only',
        points: rows.map((row) => ({ x: row.trainingPassages, y: row.certainMacroF1 })),
      },
    ],
  });
}

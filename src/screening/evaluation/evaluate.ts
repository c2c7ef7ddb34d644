import { labels, type Label } from '../finding.js';
import type { LabelledPassage } from './labelled-corpus.js';

/** Precision, recall and F1 of one label over a corpus. */
export interface LabelScore {
  label: Label;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A passage the engine got wrong, for people tuning the catalogue. */
export interface EvaluationMistake {
  id: string;
  expected: Label[];
  predicted: Label[];
}

/** The scores of the engine on one corpus. */
export interface Evaluation {
  scored: number;
  skippedUncertain: number;
  perLabel: LabelScore[];
  macroF1: number;
  /** Critique passages given at least one feature label (anything but `assurance`). */
  critique: { total: number; flagged: number; share: number };
  mistakes: EvaluationMistake[];
}

/** Scores predicted labels against the corpus, leaving out passages marked uncertain. */
export function evaluate(
  passages: readonly LabelledPassage[],
  predict: (text: string) => readonly Label[],
): Evaluation {
  const counts = new Map(labels.map((label) => [label, { tp: 0, fp: 0, fn: 0 }]));
  const critique = { total: 0, flagged: 0, share: 0 };
  const mistakes: EvaluationMistake[] = [];
  let scored = 0;
  for (const passage of passages) {
    if (passage.uncertain) continue;
    scored += 1;
    const predicted = new Set(predict(passage.text));
    const expected = new Set(passage.labels);
    for (const label of labels) {
      const count = counts.get(label);
      if (!count) continue;
      if (predicted.has(label) && expected.has(label)) count.tp += 1;
      else if (predicted.has(label)) count.fp += 1;
      else if (expected.has(label)) count.fn += 1;
    }
    if (passage.stance === 'critique') {
      critique.total += 1;
      if ([...predicted].some((label) => label !== 'assurance')) critique.flagged += 1;
    }
    if (labels.some((label) => predicted.has(label) !== expected.has(label))) {
      mistakes.push({ id: passage.id, expected: [...expected], predicted: [...predicted] });
    }
  }
  critique.share = critique.total === 0 ? 0 : critique.flagged / critique.total;
  const perLabel = labels.map((label) =>
    scoreLabel(label, counts.get(label) ?? { tp: 0, fp: 0, fn: 0 }),
  );
  const macroF1 = perLabel.reduce((sum, score) => sum + score.f1, 0) / perLabel.length;
  return {
    scored,
    skippedUncertain: passages.length - scored,
    perLabel,
    macroF1,
    critique,
    mistakes,
  };
}

function scoreLabel(label: Label, count: { tp: number; fp: number; fn: number }): LabelScore {
  const precision = ratio(count.tp, count.tp + count.fp);
  const recall = ratio(count.tp, count.tp + count.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return {
    label,
    truePositives: count.tp,
    falsePositives: count.fp,
    falseNegatives: count.fn,
    precision,
    recall,
    f1,
  };
}

// With no positives and no predictions a label is perfectly handled, not undefined.
function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

import { evidenceLabels, labels, type Label } from '../finding.js';
import type { HeldOutPrediction } from '../model/cross-validate.js';

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

/** A passage screening got wrong, for people improving the catalogue or the model. */
export interface Mistake {
  id: string;
  expected: Label[];
  reported: Label[];
}

/** How screening did on held-out passages. */
export interface HeldOutScores {
  passages: number;
  perLabel: LabelScore[];
  /** The mean F1 of the four evidence labels (assurance is reported, not averaged). */
  macroF1: number;
  /** Critique passages given at least one evidence label. */
  critique: { total: number; flagged: number; share: number };
  mistakes: Mistake[];
}

/** Scores the labels screening reported; uncertain passages count only when `uncertain` is on. */
export function scorePredictions(
  predictions: readonly HeldOutPrediction[],
  options: { uncertain: boolean },
): HeldOutScores {
  const scored = predictions.filter(({ example }) => options.uncertain || !example.uncertain);
  const counts = new Map(labels.map((label) => [label, { tp: 0, fp: 0, fn: 0 }]));
  const critique = { total: 0, flagged: 0, share: 0 };
  const mistakes: Mistake[] = [];
  for (const { example, reported } of scored) {
    const expected = expectedLabels(example);
    for (const label of labels) {
      const count = counts.get(label) ?? { tp: 0, fp: 0, fn: 0 };
      const got = reported.includes(label);
      const want = expected.includes(label);
      if (got && want) count.tp += 1;
      else if (got) count.fp += 1;
      else if (want) count.fn += 1;
    }
    if (example.stance === 'critique') {
      critique.total += 1;
      if (reported.some((label) => label !== 'assurance')) critique.flagged += 1;
    }
    if (labels.some((label) => reported.includes(label) !== expected.includes(label)))
      mistakes.push({ id: example.id, expected, reported: [...reported] });
  }
  critique.share = critique.total === 0 ? 0 : critique.flagged / critique.total;
  const perLabel = labels.map((label) => scoreLabel(label, counts.get(label)));
  const evidence = perLabel.filter((score) =>
    (evidenceLabels as readonly Label[]).includes(score.label),
  );
  return {
    passages: scored.length,
    perLabel,
    macroF1: evidence.reduce((sum, score) => sum + score.f1, 0) / evidence.length,
    critique,
    mistakes,
  };
}

/** The labels a held-out example carries (assurance from its stance). */
function expectedLabels(example: HeldOutPrediction['example']): Label[] {
  const present: Label[] = evidenceLabels.filter((label) => example.labels[label] === true);
  return example.stance === 'assurance' ? [...present, 'assurance'] : present;
}

function scoreLabel(label: Label, count = { tp: 0, fp: 0, fn: 0 }): LabelScore {
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

import type { ModelEvaluation } from '../model/train-and-evaluate.js';
import type { HeldOutScores } from './score-predictions.js';

/** A model's evaluation as plain text: the held-out figures, calibration and learning curve. */
export function formatModelEvaluation(evaluation: ModelEvaluation): string {
  const lines = [
    `Grouped cross-validation on the real corpus (${evaluation.folds} folds, no source page in ` +
      `both training and test), threshold ${evaluation.threshold}:`,
    '',
    ...scoreLines('Uncertain passages counted as labelled', evaluation.withUncertain),
    '',
    ...scoreLines('Certain passages only', evaluation.certainOnly),
    '',
    'At other thresholds (macro-F1 over the four evidence labels; critique passages given one):',
    `  ${'threshold'.padEnd(10)} ${'macro-F1'.padStart(8)} ${'critique'.padStart(9)} ${'certain only'.padStart(13)}`,
    ...evaluation.byThreshold.map(
      (row) =>
        `  ${row.threshold.toFixed(2).padEnd(10)} ${fixed(row.macroF1).padStart(8)} ` +
        `${percent(row.critiqueShare).padStart(9)} ${fixed(row.certainMacroF1).padStart(13)}`,
    ),
    '',
    `Calibration of held-out probabilities (${evaluation.calibration.judged} judgements): ` +
      `Brier score ${evaluation.calibration.brier.toFixed(3)}, expected calibration error ` +
      evaluation.calibration.expectedError.toFixed(3),
    `  ${'probability'.padEnd(12)} ${'judged'.padStart(6)} ${'mean'.padStart(6)} ${'came true'.padStart(9)}`,
    ...evaluation.calibration.bands
      .filter((band) => band.count > 0)
      .map(
        (band) =>
          `  ${`${band.from.toFixed(1)}–${band.to.toFixed(1)}`.padEnd(12)} ${String(band.count).padStart(6)} ` +
          `${band.meanProbability.toFixed(2).padStart(6)} ${band.observed.toFixed(2).padStart(9)}`,
      ),
    '',
    'Learning curve (macro-F1 against the share of each training fold’s sources):',
    ...evaluation.learningCurve.map(
      (point) =>
        `  ${`${Math.round(point.share * 100)}%`.padStart(4)} of sources, about ` +
        `${String(point.trainingPassages).padStart(4)} passages: ${fixed(point.macroF1)} ` +
        `(certain only ${fixed(point.certainMacroF1)})`,
    ),
  ];
  const ordinary = evaluation.ordinaryDocuments;
  if (ordinary) {
    const byLabel = Object.entries(ordinary.byLabel)
      .map(([label, count]) => `${label} ${count}`)
      .join(', ');
    lines.push(
      '',
      `False leads on ${ordinary.documents} ordinary documents (${ordinary.words.toLocaleString('en-GB')} words, ` +
        `no known practice): ${ordinary.findings} findings, ` +
        `${ordinary.perHundredThousandWords.toFixed(2)} per 100,000 words${byLabel ? ` (${byLabel})` : ''}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

function scoreLines(title: string, scores: Omit<HeldOutScores, 'mistakes'>): string[] {
  return [
    `${title}: ${scores.passages} passages`,
    `  ${'label'.padEnd(20)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision  recall     F1`,
    ...scores.perLabel.map(
      (score) =>
        `  ${score.label.padEnd(20)} ${pad(score.truePositives)} ${pad(score.falsePositives)} ${pad(score.falseNegatives)}` +
        `  ${fixed(score.precision).padStart(9)}  ${fixed(score.recall).padStart(6)}  ${fixed(score.f1).padStart(5)}`,
    ),
    `  macro-F1 over the four evidence labels: ${fixed(scores.macroF1)}`,
    `  critique passages given an evidence label: ${scores.critique.flagged} of ${scores.critique.total} (${percent(scores.critique.share)})`,
  ];
}

function pad(value: number): string {
  return String(value).padStart(4);
}

function fixed(value: number): string {
  return value.toFixed(3);
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

import type { Evaluation } from './evaluate.js';

/** Renders an evaluation as a plain-text table with the critique share and mistakes. */
export function formatEvaluation(
  title: string,
  evaluation: Evaluation,
  showMistakes: boolean,
): string {
  const lines = [
    title,
    `  passages scored: ${evaluation.scored} (left out as uncertain: ${evaluation.skippedUncertain})`,
    `  ${'label'.padEnd(20)} ${'TP'.padStart(4)} ${'FP'.padStart(4)} ${'FN'.padStart(4)}  precision  recall     F1`,
  ];
  for (const score of evaluation.perLabel) {
    lines.push(
      `  ${score.label.padEnd(20)} ${pad(score.truePositives)} ${pad(score.falsePositives)} ${pad(score.falseNegatives)}` +
        `  ${fixed(score.precision).padStart(9)}  ${fixed(score.recall).padStart(6)}  ${fixed(score.f1).padStart(5)}`,
    );
  }
  const { critique } = evaluation;
  lines.push(`  macro-F1 over the five labels: ${fixed(evaluation.macroF1)}`);
  lines.push(
    `  critique passages given a feature label: ${critique.flagged} of ${critique.total} (${(critique.share * 100).toFixed(1)}%)`,
  );
  if (showMistakes) {
    for (const mistake of evaluation.mistakes) {
      lines.push(
        `  mistake ${mistake.id}: expected [${mistake.expected.join(', ')}], got [${mistake.predicted.join(', ')}]`,
      );
    }
  }
  return lines.join('\n');
}

function pad(value: number): string {
  return String(value).padStart(4);
}

function fixed(value: number): string {
  return value.toFixed(3);
}

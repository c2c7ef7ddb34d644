import { createSeededRandom } from '../../seeded-random.js';
import { evidenceLabels, type Label } from '../finding.js';
import type { HeldOutPrediction } from '../model/cross-validate.js';
import type { FalseLeads } from './count-false-leads.js';
import { scorePredictions } from './score-predictions.js';

/** A figure with its 95% interval. */
export interface Estimate {
  value: number;
  low: number;
  high: number;
}

/**
 * What `npm run eval` measured on real text, as the public method page shows it: no passages,
 * no file names, only figures and the kinds of text screening gets wrong.
 */
export interface EvaluationSummary {
  format: 'simwatch-evaluation-summary/1';
  evaluatedOn: string;
  modelVersion: string;
  catalogueVersion: string;
  folds: number;
  threshold: number;
  passages: number;
  /** Source pages the passages came from: each is held out whole. */
  sources: number;
  /** Macro-F1 over the evidence labels, uncertain passages counted, with its interval. */
  macroF1: Estimate;
  certainMacroF1: Estimate;
  perLabel: {
    label: Label;
    precision: number;
    recall: Estimate;
    found: number;
    missed: number;
    wronglyFlagged: number;
  }[];
  critique: { total: number; flagged: number; share: number };
  /** Per 100,000 words of long real NHS documents that describe no such practice. */
  falseLeads: {
    documents: number;
    words: number;
    findings: number;
    perHundredThousandWords: Estimate;
  } | null;
  /** The share of passages screening got wrong, by kind of text. */
  mistakesByKind: { kind: string; passages: number; wrong: number; share: number }[];
}

/** How many resamples the intervals are worked out from. */
const resamples = 1000;

/**
 * Summarises a cross-validation grouped by source page, with 95% intervals from resampling whole
 * sources (a bootstrap), and the false leads on ordinary documents with a Poisson interval.
 */
export function summariseEvaluation(input: {
  predictions: readonly HeldOutPrediction[];
  folds: number;
  threshold: number;
  modelVersion: string;
  catalogueVersion: string;
  evaluatedOn: string;
  falseLeads: FalseLeads | null;
}): EvaluationSummary {
  const { predictions } = input;
  const all = scorePredictions(predictions, { uncertain: true });
  const certain = scorePredictions(predictions, { uncertain: false });
  const byGroup = new Map<string, HeldOutPrediction[]>();
  for (const each of predictions)
    byGroup.set(each.example.group, [...(byGroup.get(each.example.group) ?? []), each]);
  const groups = [...byGroup.values()];
  const random = createSeededRandom(14);
  const samples: { macro: number; certain: number; recall: Map<Label, number> }[] = [];
  for (let i = 0; i < resamples; i++) {
    const sample = Array.from({ length: groups.length }, () => random.pick(groups)).flat();
    const scores = scorePredictions(sample, { uncertain: true });
    samples.push({
      macro: scores.macroF1,
      certain: scorePredictions(sample, { uncertain: false }).macroF1,
      recall: new Map(scores.perLabel.map((score) => [score.label, score.recall])),
    });
  }
  const estimate = (value: number, values: number[]): Estimate => {
    const sorted = [...values].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.floor(share * (sorted.length - 1))] ?? value;
    return { value, low: at(0.025), high: at(0.975) };
  };
  const wrong = new Set(all.mistakes.map((mistake) => mistake.id));
  const kinds = new Map<string, { passages: number; wrong: number }>();
  for (const { example } of predictions) {
    for (const kind of kindsOf(example.text, example.stance, example.source ?? null)) {
      const tally = kinds.get(kind) ?? { passages: 0, wrong: 0 };
      tally.passages += 1;
      if (wrong.has(example.id)) tally.wrong += 1;
      kinds.set(kind, tally);
    }
  }
  const leads = input.falseLeads;
  return {
    format: 'simwatch-evaluation-summary/1',
    evaluatedOn: input.evaluatedOn,
    modelVersion: input.modelVersion,
    catalogueVersion: input.catalogueVersion,
    folds: input.folds,
    threshold: input.threshold,
    passages: predictions.length,
    sources: groups.length,
    macroF1: estimate(
      all.macroF1,
      samples.map((each) => each.macro),
    ),
    certainMacroF1: estimate(
      certain.macroF1,
      samples.map((each) => each.certain),
    ),
    perLabel: all.perLabel
      .filter((score) => (evidenceLabels as readonly string[]).includes(score.label))
      .map((score) => ({
        label: score.label,
        precision: score.precision,
        recall: estimate(
          score.recall,
          samples.map((each) => each.recall.get(score.label) ?? 0),
        ),
        found: score.truePositives,
        missed: score.falseNegatives,
        wronglyFlagged: score.falsePositives,
      })),
    critique: all.critique,
    falseLeads: leads && {
      documents: leads.documents,
      words: leads.words,
      findings: leads.findings,
      perHundredThousandWords: poissonRate(leads.findings, leads.words / 100_000),
    },
    mistakesByKind: [...kinds.entries()]
      .map(([kind, tally]) => ({ kind, ...tally, share: tally.wrong / tally.passages }))
      .sort((a, b) => b.share - a.share),
  };
}

// The kinds of text a passage belongs to, in words a reader of the method page understands.
function kindsOf(text: string, stance: string | null, source: string | null): string[] {
  const words = text.split(/\s+/).filter(Boolean).length;
  const host = source === null ? '' : safeHost(source);
  return [
    {
      practice: 'Passages that describe a practice',
      assurance: 'Passages in which an organisation gives an assurance',
      critique: 'Passages that criticise a practice',
      neutral: 'Passages that neither describe nor criticise one',
    }[stance ?? ''] ?? 'Passages of another stance',
    words < 40 ? 'Short passages (under 40 words)' : 'Longer passages (40 words or more)',
    /(^|\.)nhs\.(uk|net)$/.test(host)
      ? 'Text from NHS websites'
      : /(^|\.)(gov|parliament|police)\.uk$/.test(host)
        ? 'Text from UK government, parliament or police websites'
        : 'Text from other websites (mostly news, campaigns and material from other countries)',
  ];
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
}

// A rate of events with its 95% interval (Byar's approximation to the exact Poisson interval).
function poissonRate(count: number, exposure: number): Estimate {
  if (exposure === 0) return { value: 0, low: 0, high: 0 };
  const low = count === 0 ? 0 : count * (1 - 1 / (9 * count) - 1.96 / (3 * Math.sqrt(count))) ** 3;
  const next = count + 1;
  const high = next * (1 - 1 / (9 * next) + 1.96 / (3 * Math.sqrt(next))) ** 3;
  return { value: count / exposure, low: low / exposure, high: high / exposure };
}

import type { Catalogue } from './catalogue.js';
import type { Finding, Span } from './finding.js';
import { mergeSpans, uniqueProposals } from './join-findings-parts.js';
import { explainFeature } from './model/explain-feature.js';
import {
  createFeatureEncoder,
  encodePassage,
  type FeatureEncoder,
} from './model/feature-encoder.js';
import {
  judgeLabel,
  judgeStance,
  labelProbability,
  type LabelJudgement,
} from './model/judge-passage.js';
import {
  findNearestExample,
  indexExamples,
  sketchOf,
  type ExampleIndex,
} from './model/nearest-example.js';
import type { ScreeningModel } from './model/screening-model.js';
import type { PassageReading } from './read-passages.js';
import { defaultThreshold } from './score-finding.js';

/** A model with its features laid out for the catalogue's frames (see `FeatureEncoder`). */
export interface PreparedModel {
  model: ScreeningModel;
  encoder: FeatureEncoder;
  examples: ExampleIndex;
}

/** Lays a model out for screening with a catalogue's frames. */
export function prepareModel(model: ScreeningModel, catalogue: Catalogue): PreparedModel {
  return {
    model,
    encoder: createFeatureEncoder(model.space, catalogue.frames),
    examples: indexExamples(model.examples),
  };
}

/**
 * Frames that show what an assurance is about: SIM, the police, sanctions, or people labelled as
 * frequent callers. One of them must be in the assurance's own sentence; without it, "no longer"
 * and "not used" are as likely to be about audits or accounting standards.
 */
const assuranceSubjects = new Set(['sim_name', 'police', 'officer', 'sanction', 'frequent_users']);

/**
 * The findings of one passage: the model judges each label its candidates proposed, and reports
 * none for a passage it reads as critique (the labelling guide: a critic's description of a
 * practice is not evidence of it). An assurance comes from the catalogue's rules, and only about
 * SIM or a feature of concern, never from a critic.
 */
export function findingsOfPassage(
  passage: PassageReading,
  { model, encoder, examples }: PreparedModel,
  catalogue: Catalogue,
  threshold: number,
): Finding[] {
  const vector = encodePassage(passage.analysis, passage.signals, encoder);
  const { stance, probabilities } = judgeStance(vector, model);
  if (stance === 'critique') return [];
  // An organisation saying it does not use a practice is an assurance, not evidence of it.
  const assurance = assuranceIn(passage, catalogue, threshold);
  if (assurance) return [assurance];
  const proposed = [...new Set(passage.proposals.map((proposal) => proposal.label))];
  const judged = proposed
    .filter((label) => labelProbability(vector, model, label) >= threshold)
    .map((label) => judgeLabel(vector, model, label));
  if (judged.length === 0) return [];
  // Explanations and the nearest example only for what will be reported: they cost more.
  const shared = {
    excerpt: passage.page.text.slice(passage.span.start, passage.span.end),
    explain: (feature: number) =>
      explainFeature(model.space.names[feature] ?? '', catalogue, passage.analysis),
    model,
    nearest: findNearestExample(sketchOf(vector), examples),
    stanceNote:
      `the model reads the passage as practice ${percent(probabilities.practice)}, ` +
      `critique ${percent(probabilities.critique)}, neutral ${percent(probabilities.neutral)}`,
  };
  return judged.map((judgement) => labelFinding(passage, judgement, shared));
}

/** The catalogue's strongest assurance in the passage that is about the features, if any. */
function assuranceIn(
  passage: PassageReading,
  catalogue: Catalogue,
  threshold: number,
): Finding | undefined {
  const assurance = passage.ruleFindings
    .filter(
      (finding) =>
        finding.label === 'assurance' &&
        finding.score >= Math.max(threshold, defaultThreshold) &&
        isAboutTheFeatures(finding, passage, catalogue),
    )
    .sort((a, b) => b.score - a.score)[0];
  return (
    assurance && {
      ...assurance,
      stance: 'assurance',
      context: [
        ...assurance.context,
        "scored by the catalogue's rules: there are too few real assurances to calibrate a model",
      ],
    }
  );
}

function labelFinding(
  passage: PassageReading,
  judged: LabelJudgement,
  shared: {
    excerpt: string;
    explain: (feature: number) => string;
    model: ScreeningModel;
    nearest: ReturnType<typeof findNearestExample>;
    stanceNote: string;
  },
): Finding {
  const proposals = passage.proposals.filter((proposal) => proposal.label === judged.label);
  const proposedBy = uniqueProposals(proposals);
  const first = proposedBy[0] ?? { id: 'model', reason: 'The model judged the passage.' };
  const { nearest } = shared;
  return {
    label: judged.label,
    indicator: first.id,
    reason: first.reason,
    proposedBy,
    excerpt: shared.excerpt,
    page: passage.page.number,
    pages: [passage.page.number],
    start: passage.span.start,
    end: passage.span.end,
    score: Math.round(judged.probability * 1000) / 1000,
    highlights: mergeSpans(proposals.flatMap((proposal) => proposal.highlights)),
    stance: 'practice',
    explanation: judged.for.map(({ feature }) => shared.explain(feature)),
    against: judged.against.map(({ feature }) => shared.explain(feature)),
    nearest: nearest
      ? {
          id: nearest.example.id,
          source: nearest.example.source,
          labels: nearest.example.labels,
          stance: nearest.example.stance,
          similarity: Math.round(nearest.similarity * 1000) / 1000,
        }
      : null,
    modelVersion: shared.model.version,
    context: [shared.stanceNote],
  };
}

/** Whether a subject frame (see `assuranceSubjects`) is within the finding's excerpt. */
function isAboutTheFeatures(finding: Span, passage: PassageReading, catalogue: Catalogue): boolean {
  return passage.analysis.frames.some((hit) => {
    if (!assuranceSubjects.has(catalogue.frames[hit.frame]?.name ?? '')) return false;
    const start = passage.analysis.sentences[hit.sentence]?.[hit.first]?.start ?? -1;
    return start >= finding.start && start < finding.end;
  });
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

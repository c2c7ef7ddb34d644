import { createHash } from 'node:crypto';
import { evidenceLabels, type EvidenceLabel } from '../finding.js';
import type { PassageReading } from '../read-passages.js';
import { buildFeatureSpace, vectorize, type SparseVector } from './feature-space.js';
import { fitCalibrated } from './fit-calibrated.js';
import type { LabelledExample } from './labelled-example.js';
import { sketchOf } from './nearest-example.js';
import {
  modelStances,
  type CalibratedClassifier,
  type ModelStance,
  type ScreeningModel,
  type TrainingDataSummary,
} from './screening-model.js';

/** A labelled example with what screening's candidates made of it (undefined: no candidate). */
export interface ReadExample {
  example: LabelledExample;
  reading: PassageReading | undefined;
}

/** What a model is trained with, besides its examples. */
export interface TrainOptions {
  catalogueVersion: string;
  /** When the model is made (an ISO date and time). */
  createdAt: string;
  /** The names of the corpus files the examples came from. */
  corpora: string[];
  /** Inverse strength of the L2 penalty (default 1). */
  c?: number;
}

/** The default inverse strength of the L2 penalty, chosen by grouped cross-validation. */
const defaultC = 1;

/**
 * Trains the screening model: one calibrated classifier per evidence label, each learned from the
 * examples its candidates proposed that label for, and one per stance, learned from every example
 * with a candidate. Examples without a candidate teach nothing: screening never shows the model
 * such a passage.
 */
export function trainScreeningModel(
  read: readonly ReadExample[],
  options: TrainOptions,
): Omit<ScreeningModel, 'evaluation'> {
  const c = options.c ?? defaultC;
  const usable = read.filter(
    (each): each is { example: LabelledExample; reading: PassageReading } =>
      each.reading !== undefined,
  );
  const space = buildFeatureSpace(usable.map(({ reading }) => reading.features()));
  const vectors = usable.map(({ reading }) => vectorize(reading.features(), space));
  const dimensions = space.names.length;
  const setFor = (target: (example: LabelledExample, reading: PassageReading) => number | null) => {
    const set = { vectors: [] as SparseVector[], targets: [] as number[], groups: [] as string[] };
    usable.forEach(({ example, reading }, index) => {
      const value = target(example, reading);
      if (value === null) return;
      set.vectors.push(vectors[index] as SparseVector);
      set.targets.push(value);
      set.groups.push(example.group);
    });
    return set;
  };
  const stances = Object.fromEntries(
    modelStances.map((stance) => [
      stance,
      fitCalibrated(
        setFor((example) => (example.stance === null ? null : example.stance === stance ? 1 : 0)),
        dimensions,
        c,
      ),
    ]),
  ) as Record<ModelStance, CalibratedClassifier>;
  const labels = Object.fromEntries(
    evidenceLabels.map((label) => [
      label,
      fitCalibrated(
        setFor((example, reading) => {
          const known = example.labels[label];
          if (known === undefined || !proposes(reading, label)) return null;
          return known ? 1 : 0;
        }),
        dimensions,
        c,
      ),
    ]),
  ) as Record<EvidenceLabel, CalibratedClassifier>;
  const examples = usable
    .map(({ example }, index) => ({ example, vector: vectors[index] as SparseVector }))
    .filter(({ example }) => example.origin === 'corpus')
    .map(({ example, vector }) => ({
      id: example.id,
      source: example.source,
      labels: evidenceLabels.filter((label) => example.labels[label] === true),
      stance: example.stance ?? 'unknown',
      sketch: sketchOf(vector),
    }));
  const trainingData = summariseTrainingData(read, options.corpora);
  const version = modelVersion(options.createdAt, trainingData.sha256, labels);
  return {
    version,
    createdAt: options.createdAt,
    catalogueVersion: options.catalogueVersion,
    trainingData,
    space,
    labels,
    stances,
    examples,
  };
}

/** Whether a passage's candidates proposed a label. */
export function proposes(reading: PassageReading, label: EvidenceLabel): boolean {
  return reading.proposals.some((proposal) => proposal.label === label);
}

/** The SHA-256 of the examples (text, labels, stance, source) and what they held. */
function summariseTrainingData(
  read: readonly ReadExample[],
  corpora: readonly string[],
): TrainingDataSummary {
  const hash = createHash('sha256');
  const examples = read.map(({ example }) => example).sort((a, b) => compare(a.id, b.id));
  for (const example of examples) {
    hash.update(
      JSON.stringify([example.id, example.text, example.labels, example.stance, example.group]),
    );
    hash.update('\n');
  }
  return {
    sha256: hash.digest('hex'),
    passages: examples.filter((example) => example.origin === 'corpus').length,
    sources: new Set(examples.map((example) => example.group)).size,
    corpora: [...corpora],
    reviewedFindings: examples.filter((example) => example.origin === 'register').length,
  };
}

/** The date the model was made and a short hash of its data and weights: "2026-12-07.3f9a1c2e". */
function modelVersion(
  createdAt: string,
  dataHash: string,
  labels: Record<EvidenceLabel, CalibratedClassifier>,
): string {
  const hash = createHash('sha256').update(dataHash);
  for (const label of evidenceLabels) {
    const { linear, calibration } = labels[label];
    hash.update(new Uint8Array(linear.weights.buffer));
    hash.update(JSON.stringify([linear.bias, calibration]));
  }
  return `${createdAt.slice(0, 10)}.${hash.digest('hex').slice(0, 8)}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

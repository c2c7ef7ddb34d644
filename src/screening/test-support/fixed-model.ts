import { evidenceLabels, type EvidenceLabel } from '../finding.js';
import { spaceOf } from '../model/feature-space.js';
import { sketchLength } from '../model/nearest-example.js';
import {
  modelStances,
  type CalibratedClassifier,
  type ModelStance,
  type ScreeningModel,
} from '../model/screening-model.js';

/** Weights by feature name, and a bias, for one classifier of a fixed model. */
export interface FixedWeights {
  bias?: number;
  weights?: Record<string, number>;
}

/**
 * A model with weights written by hand, for tests that need to know what the model will say:
 * every classifier scores its bias plus the weights of the features present, uncalibrated.
 */
export function fixedModel(options: {
  catalogueVersion: string;
  labels?: Partial<Record<EvidenceLabel, FixedWeights>>;
  stances?: Partial<Record<ModelStance, FixedWeights>>;
  /** Term features (`term:` and a stem) get this inverse document frequency (default 1). */
  idf?: number;
}): ScreeningModel {
  const all = [
    ...Object.values(options.labels ?? {}),
    ...Object.values(options.stances ?? {}),
  ].flatMap((classifier) => Object.keys(classifier.weights ?? {}));
  const names = [...new Set(all)].sort();
  const idf = Float64Array.from(names, (name) =>
    name.startsWith('term:') ? (options.idf ?? 1) : 0,
  );
  const classifier = (fixed: FixedWeights | undefined, bias: number): CalibratedClassifier => ({
    linear: {
      weights: Float64Array.from(names, (name) => fixed?.weights?.[name] ?? 0),
      bias: fixed?.bias ?? bias,
    },
    calibration: { slope: 1, intercept: 0 },
  });
  return {
    version: 'test-model',
    createdAt: '2026-12-07T00:00:00.000Z',
    catalogueVersion: options.catalogueVersion,
    trainingData: {
      sha256: '0'.repeat(64),
      passages: 1,
      sources: 1,
      corpora: [],
      reviewedFindings: 0,
    },
    space: spaceOf(names, idf),
    labels: Object.fromEntries(
      evidenceLabels.map((label) => [label, classifier(options.labels?.[label], -5)]),
    ) as Record<EvidenceLabel, CalibratedClassifier>,
    stances: Object.fromEntries(
      modelStances.map((stance) => [
        stance,
        classifier(options.stances?.[stance], stance === 'practice' ? 0 : -2),
      ]),
    ) as Record<ModelStance, CalibratedClassifier>,
    examples: [
      {
        id: 'example-1',
        source: 'https://example.org/page',
        labels: ['police_in_care'],
        stance: 'practice',
        sketch: Array.from({ length: sketchLength }, (_, index) => (index === 0 ? 1 : 0)),
      },
    ],
    evaluation: null,
  };
}

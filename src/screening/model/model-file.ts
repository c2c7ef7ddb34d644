import { readFileSync } from 'node:fs';
import { SimwatchError } from '../../errors.js';
import { evidenceLabels, isLabel, type EvidenceLabel } from '../finding.js';
import { spaceOf } from './feature-space.js';
import type { LinearModel } from './logistic-regression.js';
import { sketchLength } from './nearest-example.js';
import {
  modelStances,
  type CalibratedClassifier,
  type ModelStance,
  type ScreeningModel,
  type TrainingExample,
} from './screening-model.js';

/** The model shipped with simwatch, trained on the real labelled corpus. */
export const defaultModelPath = new URL('../../../models/screening-model.json', import.meta.url);

const formatName = 'simwatch-screening-model';
const formatVersion = 1;

/** The model as JSON text: weights rounded to six significant digits, one classifier a line. */
export function serialiseModel(model: ScreeningModel): string {
  const classifier = ({ linear, calibration }: CalibratedClassifier) => ({
    bias: round(linear.bias),
    calibration: { slope: round(calibration.slope), intercept: round(calibration.intercept) },
    weights: Array.from(linear.weights, round),
  });
  const idf: [number, number][] = [];
  model.space.idf.forEach((value, index) => {
    if (value !== 0) idf.push([index, round(value)]);
  });
  return `${JSON.stringify(
    {
      format: formatName,
      formatVersion,
      version: model.version,
      createdAt: model.createdAt,
      catalogueVersion: model.catalogueVersion,
      trainingData: model.trainingData,
      evaluation: model.evaluation,
      features: { names: model.space.names, idf },
      labels: Object.fromEntries(evidenceLabels.map((l) => [l, classifier(model.labels[l])])),
      stances: Object.fromEntries(modelStances.map((s) => [s, classifier(model.stances[s])])),
      examples: model.examples,
    },
    null,
    1,
  )}\n`;
}

/** Reads a model file, checking its shape; `where` names it in error messages. */
export function parseModel(text: string, where: string): ScreeningModel {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw invalid(where, `it is not valid JSON (${String(error)})`);
  }
  const root = record(raw, where, 'the file');
  if (root.format !== formatName || root.formatVersion !== formatVersion)
    throw invalid(where, `it is not a simwatch screening model of format ${formatVersion}`);
  const features = record(root.features, where, 'features');
  const names = stringList(features.names, where, 'features.names');
  const idf = new Float64Array(names.length);
  for (const entry of list(features.idf, where, 'features.idf')) {
    const [index, value] = numberList(entry, where, 'features.idf');
    if (index === undefined || value === undefined || index < 0 || index >= names.length)
      throw invalid(where, 'features.idf refers to a feature that does not exist');
    idf[index] = value;
  }
  const classifier = (value: unknown, name: string): CalibratedClassifier => {
    const entry = record(value, where, name);
    const weights = numberList(entry.weights, where, `${name}.weights`);
    if (weights.length !== names.length)
      throw invalid(where, `${name} has ${weights.length} weights for ${names.length} features`);
    const calibration = record(entry.calibration, where, `${name}.calibration`);
    const linear: LinearModel = {
      weights: Float64Array.from(weights),
      bias: number(entry.bias, where, `${name}.bias`),
    };
    return {
      linear,
      calibration: {
        slope: number(calibration.slope, where, `${name}.calibration.slope`),
        intercept: number(calibration.intercept, where, `${name}.calibration.intercept`),
      },
    };
  };
  const labels = record(root.labels, where, 'labels');
  const stances = record(root.stances, where, 'stances');
  return {
    version: string(root.version, where, 'version'),
    createdAt: string(root.createdAt, where, 'createdAt'),
    catalogueVersion: string(root.catalogueVersion, where, 'catalogueVersion'),
    trainingData: root.trainingData as ScreeningModel['trainingData'],
    evaluation: root.evaluation ?? null,
    space: spaceOf(names, idf),
    labels: Object.fromEntries(
      evidenceLabels.map((label) => [label, classifier(labels[label], `labels.${label}`)]),
    ) as Record<EvidenceLabel, CalibratedClassifier>,
    stances: Object.fromEntries(
      modelStances.map((stance) => [stance, classifier(stances[stance], `stances.${stance}`)]),
    ) as Record<ModelStance, CalibratedClassifier>,
    examples: list(root.examples, where, 'examples').map((entry, index) =>
      readExample(entry, where, `examples[${index}]`),
    ),
  };
}

/** Reads and checks a model file. */
export function loadModelFile(path: string | URL = defaultModelPath): ScreeningModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SimwatchError(
      'invalid_model',
      `Cannot read the screening model "${String(path)}": ${String(error)}`,
    );
  }
  return parseModel(text, `"${String(path)}"`);
}

function readExample(value: unknown, where: string, name: string): TrainingExample {
  const entry = record(value, where, name);
  const sketch = numberList(entry.sketch, where, `${name}.sketch`);
  if (sketch.length !== sketchLength)
    throw invalid(where, `${name}.sketch must hold ${sketchLength} numbers`);
  return {
    id: string(entry.id, where, `${name}.id`),
    source: entry.source === null ? null : string(entry.source, where, `${name}.source`),
    labels: stringList(entry.labels, where, `${name}.labels`).filter(isLabel),
    stance: string(entry.stance, where, `${name}.stance`),
    sketch,
  };
}

function round(value: number): number {
  return Number(value.toPrecision(6));
}

function invalid(where: string, detail: string): SimwatchError {
  return new SimwatchError('invalid_model', `Cannot load the screening model ${where}: ${detail}`);
}

function record(value: unknown, where: string, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(where, `${name} must be an object`);
  return value as Record<string, unknown>;
}

function list(value: unknown, where: string, name: string): unknown[] {
  if (!Array.isArray(value)) throw invalid(where, `${name} must be a list`);
  return value;
}

function stringList(value: unknown, where: string, name: string): string[] {
  return list(value, where, name).map((item) => string(item, where, name));
}

function numberList(value: unknown, where: string, name: string): number[] {
  return list(value, where, name).map((item) => number(item, where, name));
}

function string(value: unknown, where: string, name: string): string {
  if (typeof value !== 'string') throw invalid(where, `${name} must be text`);
  return value;
}

function number(value: unknown, where: string, name: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw invalid(where, `${name} must be a number`);
  return value;
}

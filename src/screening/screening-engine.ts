import type { ExtractedPage } from '../extract/extracted-document.js';
import { SimwatchError } from '../errors.js';
import type { Catalogue } from './catalogue.js';
import { labels, type Finding, type Label } from './finding.js';
import { loadCatalogue } from './load-catalogue.js';
import { encodePassage } from './model/feature-encoder.js';
import { sketchOf } from './model/nearest-example.js';
import { readTextAsPassage } from './read-text-passage.js';
import { loadModelFile } from './model/model-file.js';
import type { ScreeningModel } from './model/screening-model.js';
import { prepareCatalogue } from './prepare-catalogue.js';
import { defaultThreshold } from './score-finding.js';
import { prepareModel } from './passage-findings.js';
import { screenPages } from './screen-pages.js';

/** Findings at or above a threshold and the labels they give a document. */
export interface TextScreening {
  labels: Label[];
  findings: Finding[];
}

/** The screening engine: pure functions over text, bound to one catalogue and one model. */
export interface ScreeningEngine {
  catalogueVersion: string;
  modelVersion: string;
  catalogue: Catalogue;
  model: ScreeningModel;
  /** Screens pages of text; keeps findings scoring at least `threshold` (default 0.5). */
  screenPages(pages: readonly ExtractedPage[], threshold?: number): TextScreening;
  /** Screens one piece of text with no page numbers. */
  screenText(text: string, threshold?: number): TextScreening;
  /**
   * A short sketch of a passage as the model reads it (see `sketchOf`), for finding similar
   * passages; undefined when nothing in the text would make it a candidate.
   */
  sketchText(text: string): number[] | undefined;
}

/**
 * Builds an engine from a catalogue and a model (by default those shipped with simwatch). The
 * model must have been trained with the same version of the catalogue: it reads passages through
 * the catalogue's frames and indicators.
 */
export function createScreeningEngine(
  options: { catalogue?: Catalogue; model?: ScreeningModel } = {},
): ScreeningEngine {
  const catalogue = options.catalogue ?? loadCatalogue();
  const model = options.model ?? loadModelFile();
  if (model.catalogueVersion !== catalogue.version)
    throw new SimwatchError(
      'invalid_model',
      `Cannot screen with model ${model.version}: it was trained with catalogue ` +
        `${model.catalogueVersion}, and the catalogue is ${catalogue.version}; retrain it with ` +
        '"npm run train" (or "simwatch model train")',
    );
  const prepared = prepareCatalogue(catalogue);
  const judging = prepareModel(model, catalogue);
  const screen = (pages: readonly ExtractedPage[], threshold = defaultThreshold): TextScreening => {
    const findings = screenPages(pages, prepared, judging, threshold);
    return { labels: labelsOf(findings), findings };
  };
  return {
    catalogueVersion: catalogue.version,
    modelVersion: model.version,
    catalogue,
    model,
    screenPages: screen,
    screenText: (text, threshold) => screen([{ number: null, text }], threshold),
    sketchText(text) {
      const passage = readTextAsPassage(text, prepared);
      return passage && sketchOf(encodePassage(passage.analysis, passage.signals, judging.encoder));
    },
  };
}

/** The labels present among findings, in the labelling guide's order. */
export function labelsOf(findings: readonly Finding[]): Label[] {
  const present = new Set(findings.map((finding) => finding.label));
  return labels.filter((label) => present.has(label));
}

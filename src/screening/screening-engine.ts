import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Catalogue } from './catalogue.js';
import { labels, type Finding, type Label } from './finding.js';
import { loadCatalogue } from './load-catalogue.js';
import { defaultThreshold } from './score-finding.js';
import { prepareCatalogue, screenPages } from './screen-pages.js';

/** Findings at or above a threshold and the labels they give a document. */
export interface TextScreening {
  labels: Label[];
  findings: Finding[];
}

/** The screening engine: pure functions over text, bound to one catalogue. */
export interface ScreeningEngine {
  catalogueVersion: string;
  catalogue: Catalogue;
  /** Screens pages of text; keeps findings scoring at least `threshold` (default 0.5). */
  screenPages(pages: readonly ExtractedPage[], threshold?: number): TextScreening;
  /** Screens one piece of text with no page numbers. */
  screenText(text: string, threshold?: number): TextScreening;
}

/** Builds an engine from a catalogue (by default the one shipped with simwatch). */
export function createScreeningEngine(catalogue: Catalogue = loadCatalogue()): ScreeningEngine {
  const prepared = prepareCatalogue(catalogue);
  const screen = (pages: readonly ExtractedPage[], threshold = defaultThreshold): TextScreening => {
    const findings = screenPages(pages, prepared).filter((finding) => finding.score >= threshold);
    return { labels: labelsOf(findings), findings };
  };
  return {
    catalogueVersion: catalogue.version,
    catalogue,
    screenPages: screen,
    screenText: (text, threshold) => screen([{ number: null, text }], threshold),
  };
}

/** The labels present among findings, in the labelling guide's order. */
export function labelsOf(findings: readonly Finding[]): Label[] {
  const present = new Set(findings.map((finding) => finding.label));
  return labels.filter((label) => present.has(label));
}

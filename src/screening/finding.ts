import type { PageOcr } from '../extract/extracted-document.js';

/** The five labels of the labelling guide. */
export const labels = [
  'police_in_care',
  'coercion_sanctions',
  'discrimination_hiu',
  'sim_named',
  'assurance',
] as const;

/** One label of the labelling guide. */
export type Label = (typeof labels)[number];

/** Character range within a page's text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** How a passage relates to the practice it mentions (see the labelling guide). */
export type Stance = 'practice' | 'critique' | 'assurance' | 'neutral';

/** The four stances, in the labelling guide's order. */
export const stances: readonly Stance[] = ['practice', 'critique', 'assurance', 'neutral'];

/** The labelled passage most like a finding's: known by id and source, never by its text. */
export interface NearestExample {
  /** The passage's id in its corpus (or `finding <n>` for a reviewed finding of the register). */
  id: string;
  /** Its source page (a URL), when known. */
  source: string | null;
  labels: Label[];
  stance: string;
  /** Cosine similarity of the two passages' sketches, -1 to 1. */
  similarity: number;
}

/** What proposed a finding: a catalogue indicator, or a frame of the model. */
export interface FindingProposal {
  /** The indicator's id, or `frame:` and the frame's name. */
  id: string;
  reason: string;
}

/** One passage that screening reports, with where it is, why, and how sure the model is. */
export interface Finding {
  label: Label;
  /** What proposed it first: an indicator's id, or `frame:` and a frame's name. */
  indicator: string;
  /** Why, in plain words: the reason of what proposed it first. */
  reason: string;
  /** Everything that proposed this passage for this label, each once. */
  proposedBy: FindingProposal[];
  /** The passage the model read, exactly `pageText.slice(start, end)`. */
  excerpt: string;
  page: number | null;
  /** Every page on which the same passage was found (a running header, a repeated title). */
  pages: (number | null)[];
  start: number;
  end: number;
  /**
   * 0..1: the model's calibrated probability that the passage shows the label (for an assurance,
   * the strength the catalogue's rules give it: too few real assurances exist to calibrate).
   */
  score: number;
  /** The words that proposed it, as ranges in the page text (within start..end). */
  highlights: Span[];
  /** How the passage speaks, as the model reads it (an assurance, from the catalogue's rules). */
  stance: Stance;
  /** The model's strongest reasons for the label, in plain words, strongest first. */
  explanation: string[];
  /** What counted against it most, in plain words. */
  against: string[];
  nearest: NearestExample | null;
  /** The version of the model that judged it; null when only the catalogue's rules did. */
  modelVersion: string | null;
  /** Plain-English notes on what else was taken into account, empty when nothing was. */
  context: string[];
  /** Set when the finding's page was read by OCR: its text may hold reading errors. */
  ocr?: PageOcr;
}

/** The four labels that are evidence of a practice (an assurance is not). */
export const evidenceLabels = [
  'police_in_care',
  'coercion_sanctions',
  'discrimination_hiu',
  'sim_named',
] as const satisfies readonly Label[];

/** A label that is evidence of a practice. */
export type EvidenceLabel = (typeof evidenceLabels)[number];

/** Returns true when `value` is one of the four evidence labels. */
export function isEvidenceLabel(value: string): value is EvidenceLabel {
  return (evidenceLabels as readonly string[]).includes(value);
}

/** Returns true when `value` is one of the five labels. */
export function isLabel(value: string): value is Label {
  return (labels as readonly string[]).includes(value);
}

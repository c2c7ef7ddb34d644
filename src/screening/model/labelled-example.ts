import type { EvidenceLabel } from '../finding.js';
import type { ModelStance } from './screening-model.js';

/**
 * A passage the model learns from: a labelled corpus passage, or a finding reviewers decided. A
 * reviewed finding tells only about its own label (and, when confirmed, that the passage
 * describes a practice), so what it does not tell is left unknown.
 */
export interface LabelledExample {
  id: string;
  text: string;
  /** The source page or document: examples of one source are never split between folds. */
  group: string;
  /** Each evidence label known for the passage: true present, false absent; missing unknown. */
  labels: Partial<Record<EvidenceLabel, boolean>>;
  /** The stance, when known (assurance passages count as not practice, critique or neutral). */
  stance: ModelStance | 'assurance' | null;
  /** Labelled passages the labelling guide does not settle. */
  uncertain: boolean;
  /** Where it came from: a corpus file or the register. */
  origin: 'corpus' | 'register';
  /** Shown as the nearest example's link (a URL, or a register reference). */
  source: string | null;
}

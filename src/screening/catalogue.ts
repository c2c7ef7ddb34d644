import type { CompiledPattern } from './compile-pattern.js';
import type { Label } from './finding.js';
import type { CandidateRule, Frame } from './frames.js';

/** A context cue: a pattern that, found near a match, changes how much the match counts. */
export interface ContextCue {
  pattern: CompiledPattern;
  /** 0..1: how strongly the cue discounts a finding (1 removes nearly all its weight). */
  weight: number;
  /** Plain-English name of the cue, shown in the finding's context notes. */
  note: string;
  /** When true the cue discounts only feature labels, never assurances. */
  featuresOnly: boolean;
  /** When true the cue counts only in its own sentence (a question, say), not in its neighbours. */
  sentenceOnly: boolean;
}

/** One indicator of the catalogue, compiled and ready for the engine. */
export interface Indicator {
  id: string;
  label: Label;
  reason: string;
  /** 0..1: the score of a match with nothing in its context to change it. */
  strength: number;
  patterns: CompiledPattern[];
  /** Found in the same sentence, these stop the indicator from counting. */
  unless: CompiledPattern[];
  /** Found in the neighbouring sentences, these stop the indicator from counting. */
  unlessNearby: CompiledPattern[];
  /** When present, at least one must be found in the sentence or its neighbours. */
  needsNearby: CompiledPattern[];
  /** False for indicators whose own patterns contain "not" (such as "do not convey"). */
  negatable: boolean;
  examples: { match: string[]; noMatch: string[] };
}

/** The compiled indicator catalogue: indicators plus the shared context rules. */
export interface Catalogue {
  version: string;
  indicators: Indicator[];
  /** Critique, prohibition and reporting-of-concerns cues: evidence of stance, not practice. */
  critique: ContextCue[];
  /** Words that negate a match that follows them closely ("not", "never", "no longer"). */
  negation: CompiledPattern[];
  /** Who acts, what they do, to whom, and how a passage speaks: what the model reads. */
  frames: Frame[];
  /** Which sentences the model looks at for each label, besides the indicators' matches. */
  candidates: CandidateRule[];
}

import type { EvidenceLabel } from './finding.js';

/**
 * One word of a frame term: compared by stem, exactly (capitals such as SIM), or any number (`#`).
 */
export type TermWord = { stem: string } | { exact: string } | { anyNumber: true };

/**
 * A frame of the catalogue: a named list of words and phrases that shows who acts, what they do,
 * to whom, or how a passage speaks. The learned model reads passages through frames.
 */
export interface Frame {
  name: string;
  /** What finding the frame in a passage shows, in plain words ("names the police"). */
  means: string;
  terms: FrameTerm[];
}

/**
 * When a sentence is a candidate for a label: it holds one of `frames` and, unless `with` is
 * empty, one of `with` too.
 */
export interface CandidateRule {
  label: EvidenceLabel;
  /** Numbers of frames in the catalogue's list. */
  frames: number[];
  with: number[];
}

/** A term of a frame: as written in the catalogue, and as the words it is compared by. */
export interface FrameTerm {
  source: string;
  words: TermWord[];
}

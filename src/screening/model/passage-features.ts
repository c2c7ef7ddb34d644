import type { Frame } from '../frames.js';
import type { PassageAnalysis } from './analyse-passage.js';
import { isNumber } from './tokenize.js';

/** What the model sees of a passage: named signals, and the word stems and pairs it holds. */
export interface PassageFeatures {
  /** Frames, pairs of frames, how they are said, catalogue indicators and cues: each counts 1. */
  signals: Set<string>;
  /** Word stems and pairs of neighbouring stems, weighted by rarity when the model reads them. */
  terms: Set<string>;
}

/** Catalogue matches in the passage that the model also weighs. */
export interface CatalogueSignals {
  /** Ids of indicators whose patterns matched (before any context rule). */
  indicators: Iterable<string>;
  /** Ids of those the catalogue's own context rules still count (score at least 0.5). */
  counted: Iterable<string>;
  /** Notes of the critique cues found. */
  cues: Iterable<string>;
}

/**
 * Receives a passage's features as they are found (a feature may come more than once). One sink
 * names them, for training; another looks their numbers up, for screening quickly.
 */
export interface FeatureSink {
  /** A frame found (`frame`), found negated, or found inside a quotation. */
  frame(kind: 'frame' | 'negated' | 'quoted', frame: number): void;
  /** Two different frames in one sentence (`pair`) or in the passage (`near`). */
  framePair(kind: 'pair' | 'near', a: number, b: number): void;
  /** A signal named in full: an indicator, a critique cue, the passage's shape. */
  named(name: string): void;
  /** A word stem, or two in a row. */
  term(stem: string): void;
  bigram(first: string, second: string): void;
}

// Numbers that name a service (999, 111, 911, 101) or a power (Section 136) keep their value.
const namedNumbers = new Set(['999', '111', '911', '101', '136', '135', '112']);

/** Finds the features of an analysed passage and hands each to the sink. */
export function walkPassageFeatures(
  analysis: PassageAnalysis,
  catalogue: CatalogueSignals,
  sink: FeatureSink,
): void {
  const inPassage: number[] = [];
  let sentence = -1;
  let inSentence: number[] = [];
  for (const hit of analysis.frames) {
    if (hit.sentence !== sentence) {
      sentence = hit.sentence;
      inSentence = [];
    }
    sink.frame('frame', hit.frame);
    if (hit.negated) sink.frame('negated', hit.frame);
    if (hit.quoted) sink.frame('quoted', hit.frame);
    if (!inSentence.includes(hit.frame)) {
      for (const other of inSentence) sink.framePair('pair', other, hit.frame);
      inSentence.push(hit.frame);
    }
    if (!inPassage.includes(hit.frame)) {
      for (const other of inPassage) sink.framePair('near', other, hit.frame);
      inPassage.push(hit.frame);
    }
  }
  for (const id of catalogue.indicators) sink.named(`indicator:${id}`);
  for (const id of catalogue.counted) sink.named(`counted:${id}`);
  for (const note of catalogue.cues) sink.named(`cue:${note}`);
  if (analysis.hasQuestion) sink.named('shape:question');
  if (analysis.hasQuotation) sink.named('shape:quotation');
  for (const tokens of analysis.sentences) {
    let previous: string | undefined;
    for (const token of tokens) {
      const stem = isNumber(token.text) && !namedNumbers.has(token.stem) ? '#' : token.stem;
      sink.term(stem);
      if (previous !== undefined) sink.bigram(previous, stem);
      previous = stem;
    }
  }
}

/** The features of an analysed passage by name (see `PassageFeatures`). */
export function passageFeatures(
  analysis: PassageAnalysis,
  frames: readonly Frame[],
  catalogue: CatalogueSignals,
): PassageFeatures {
  const signals = new Set<string>();
  const terms = new Set<string>();
  const nameOf = (frame: number) => frames[frame]?.name ?? String(frame);
  walkPassageFeatures(analysis, catalogue, {
    frame: (kind, frame) => signals.add(`${kind}:${nameOf(frame)}`),
    framePair(kind, a, b) {
      const [first, second] = [nameOf(a), nameOf(b)].sort();
      signals.add(`${kind}:${first}+${second}`);
    },
    named: (name) => signals.add(name),
    term: (stem) => terms.add(stem),
    bigram: (first, second) => terms.add(`${first} ${second}`),
  });
  return { signals, terms };
}

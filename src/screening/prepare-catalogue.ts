import type { Catalogue, ContextCue, Indicator } from './catalogue.js';
import type { CompiledPattern } from './compile-pattern.js';
import { buildCandidatePatterns } from './candidate-patterns.js';
import {
  createFoundWords,
  createWordFinder,
  type FoundWords,
  type WordFinder,
} from './find-words.js';
import { indexFrames, type FrameIndex } from './model/find-frames.js';
import { buildPatternIndex, mayMatchWithoutWords, type PatternIndex } from './pattern-index.js';

/** A catalogue prepared for fast screening: all its patterns indexed by the words they need. */
export interface PreparedCatalogue {
  catalogue: Catalogue;
  /** The indicators' patterns in catalogue order, then the candidate rules' (see candidate-patterns). */
  indicatorPatterns: PatternIndex;
  /** The indicator of each indicator pattern, by pattern number (undefined for candidate rules). */
  indicatorOf: (Indicator | undefined)[];
  /** Whether an indicator could match a paragraph with none of their words (not in simwatch's). */
  indicatorsNeedNoWords: boolean;
  /**
   * The context rules' patterns (critique cues, negation, unless...): looked for only in
   * paragraphs where an indicator matched.
   */
  contextPatterns: PatternIndex;
  /** The number of each context rule's pattern in `contextPatterns`. */
  contextPatternIds: ReadonlyMap<CompiledPattern, number>;
  /** By context pattern number: the critique cue it belongs to, if any. */
  cueOf: (ContextCue | undefined)[];
  /** Find the words of each index in a text. */
  indicatorFinder: WordFinder;
  contextFinder: WordFinder;
  /** Scratch space: the indicators' words found in a page, and the context rules' in a paragraph. */
  indicatorWords: FoundWords;
  contextWords: FoundWords;
  /** The frames' terms, indexed for reading a passage word by word. */
  frameIndex: FrameIndex;
}

/** Numbers every pattern of the catalogue and indexes the words each needs. */
export function prepareCatalogue(catalogue: Catalogue): PreparedCatalogue {
  const indicatorPatterns = catalogue.indicators.flatMap((indicator) =>
    indicator.patterns.map((pattern) => ({ indicator, pattern })),
  );
  const candidatePatterns = buildCandidatePatterns(catalogue);
  const contextPatterns = new Set([
    ...catalogue.indicators.flatMap((indicator) => [
      ...indicator.unless,
      ...indicator.unlessNearby,
      ...indicator.needsNearby,
    ]),
    ...catalogue.critique.map((cue) => cue.pattern),
    ...catalogue.negation,
  ]);
  const indicatorIndex = buildPatternIndex([
    ...indicatorPatterns.map(({ pattern }) => pattern),
    ...candidatePatterns,
  ]);
  const contextIndex = buildPatternIndex([...contextPatterns], { checkConditions: false });
  return {
    catalogue,
    indicatorPatterns: indicatorIndex,
    indicatorOf: indicatorPatterns.map(({ indicator }) => indicator),
    indicatorsNeedNoWords: mayMatchWithoutWords(indicatorIndex),
    contextPatterns: contextIndex,
    contextPatternIds: new Map([...contextPatterns].map((pattern, id) => [pattern, id])),
    cueOf: [...contextPatterns].map((pattern) =>
      catalogue.critique.find((cue) => cue.pattern === pattern),
    ),
    indicatorFinder: createWordFinder(indicatorIndex.words),
    contextFinder: createWordFinder(contextIndex.words),
    indicatorWords: createFoundWords(),
    contextWords: createFoundWords(),
    frameIndex: indexFrames(catalogue.frames),
  };
}

import type { Frame } from '../frames.js';
import type { PassageAnalysis } from './analyse-passage.js';
import { termWeight, type FeatureSpace, type SparseVector } from './feature-space.js';
import { walkPassageFeatures, type CatalogueSignals } from './passage-features.js';

/**
 * A feature space laid out for screening quickly: frames and pairs of frames by number, words by
 * stem, so that a passage's vector is found without building a name for every feature. It gives
 * exactly the vector `vectorize(passageFeatures(...))` gives (a test holds it to that).
 */
export interface FeatureEncoder {
  space: FeatureSpace;
  frameCount: number;
  /** By kind (frame, negated, quoted) times frame count plus frame: the feature number, or -1. */
  frames: Int32Array;
  /** By kind (pair, near) times frame count squared, plus a × count + b (both orders). */
  pairs: Int32Array;
  named: ReadonlyMap<string, number>;
  unigrams: ReadonlyMap<string, number>;
  bigrams: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Scratch: the stamp of the passage that last used each feature, so each counts once. */
  seen: Int32Array;
  stamp: number;
}

const frameKinds = ['frame', 'negated', 'quoted'] as const;
const pairKinds = ['pair', 'near'] as const;

/** Lays a model's feature space out for the catalogue's frames. */
export function createFeatureEncoder(
  space: FeatureSpace,
  frames: readonly Frame[],
): FeatureEncoder {
  const count = frames.length;
  const numberOf = new Map(frames.map((frame, number) => [frame.name, number]));
  const frameTable = new Int32Array(frameKinds.length * count).fill(-1);
  const pairTable = new Int32Array(pairKinds.length * count * count).fill(-1);
  const named = new Map<string, number>();
  const unigrams = new Map<string, number>();
  const bigrams = new Map<string, Map<string, number>>();
  space.names.forEach((name, feature) => {
    const colon = name.indexOf(':');
    const kind = name.slice(0, colon);
    const detail = name.slice(colon + 1);
    const frameKind = (frameKinds as readonly string[]).indexOf(kind);
    const pairKind = (pairKinds as readonly string[]).indexOf(kind);
    if (frameKind >= 0) {
      const frame = numberOf.get(detail);
      if (frame !== undefined) frameTable[frameKind * count + frame] = feature;
    } else if (pairKind >= 0) {
      const [a, b] = detail.split('+').map((part) => numberOf.get(part));
      if (a === undefined || b === undefined) return;
      pairTable[pairKind * count * count + a * count + b] = feature;
      pairTable[pairKind * count * count + b * count + a] = feature;
    } else if (kind === 'term') {
      const space = detail.indexOf(' ');
      if (space < 0) unigrams.set(detail, feature);
      else {
        const first = detail.slice(0, space);
        const followers = bigrams.get(first) ?? new Map<string, number>();
        followers.set(detail.slice(space + 1), feature);
        bigrams.set(first, followers);
      }
    } else named.set(name, feature);
  });
  return {
    space,
    frameCount: count,
    frames: frameTable,
    pairs: pairTable,
    named,
    unigrams,
    bigrams,
    seen: new Int32Array(space.names.length),
    stamp: 0,
  };
}

/** The vector of an analysed passage (see `FeatureEncoder`). */
export function encodePassage(
  analysis: PassageAnalysis,
  catalogue: CatalogueSignals,
  encoder: FeatureEncoder,
): SparseVector {
  encoder.stamp += 1;
  if (encoder.stamp === 0x7fffffff) {
    encoder.seen.fill(0);
    encoder.stamp = 1;
  }
  const { seen, stamp, frameCount: count, frames, pairs, unigrams, bigrams, named } = encoder;
  const signals: number[] = [];
  const terms: number[] = [];
  const addSignal = (feature: number | undefined) => {
    if (feature === undefined || feature < 0 || seen[feature] === stamp) return;
    seen[feature] = stamp;
    signals.push(feature);
  };
  const addTerm = (feature: number | undefined) => {
    if (feature === undefined || seen[feature] === stamp) return;
    seen[feature] = stamp;
    terms.push(feature);
  };
  walkPassageFeatures(analysis, catalogue, {
    frame: (kind, frame) => {
      addSignal(frames[(kind === 'frame' ? 0 : kind === 'negated' ? 1 : 2) * count + frame]);
    },
    framePair: (kind, a, b) => {
      addSignal(pairs[(kind === 'pair' ? 0 : count * count) + a * count + b]);
    },
    named: (name) => {
      addSignal(named.get(name));
    },
    term: (stem) => {
      addTerm(unigrams.get(stem));
    },
    bigram: (first, second) => {
      addTerm(bigrams.get(first)?.get(second));
    },
  });
  const { idf } = encoder.space;
  let squares = 0;
  for (const feature of terms) squares += (idf[feature] ?? 0) ** 2;
  const length = Math.sqrt(squares);
  const indices = new Int32Array(signals.length + terms.length);
  indices.set(signals);
  indices.set(terms, signals.length);
  indices.sort();
  const values = new Float64Array(indices.length);
  indices.forEach((feature, at) => {
    const weight = idf[feature] ?? 0;
    values[at] = weight === 0 ? 1 : (termWeight * weight) / length;
  });
  return { indices, values };
}

import type { PassageFeatures } from './passage-features.js';

/** A sparse vector: parallel lists of feature numbers (ascending) and values. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

/**
 * The features a model knows, by number: signals count 1, terms weigh their inverse document
 * frequency, and each passage's terms together have the length `termWeight` (as TF-IDF does,
 * scaled: with the same penalty on every weight, terms then count as much as a few signals).
 */
export interface FeatureSpace {
  names: readonly string[];
  /** Inverse document frequency of each term feature; 0 for signals. */
  idf: Float64Array;
  numbers: ReadonlyMap<string, number>;
}

/** The length of a passage's terms together (see `FeatureSpace`), chosen by cross-validation. */
export const termWeight = 8;

/** The least number of training passages a term must appear in to become a feature. */
const minTermPassages = 2;

/** The feature space of a training set: every signal seen, and terms in at least two passages. */
export function buildFeatureSpace(passages: readonly PassageFeatures[]): FeatureSpace {
  const signals = new Set<string>();
  const termCounts = new Map<string, number>();
  for (const passage of passages) {
    for (const signal of passage.signals) signals.add(signal);
    for (const term of passage.terms) termCounts.set(term, (termCounts.get(term) ?? 0) + 1);
  }
  const terms = [...termCounts].filter(([, count]) => count >= minTermPassages);
  const names = [...[...signals].sort(), ...terms.map(([term]) => `term:${term}`).sort()];
  const idf = new Float64Array(names.length);
  const total = passages.length;
  const countOf = new Map(terms);
  names.forEach((name, number) => {
    if (!name.startsWith('term:')) return;
    const count = countOf.get(name.slice(5)) ?? 0;
    idf[number] = Math.log((1 + total) / (1 + count)) + 1;
  });
  return spaceOf(names, idf);
}

/** A feature space from stored names and weights (a model file). */
export function spaceOf(names: readonly string[], idf: Float64Array): FeatureSpace {
  return { names, idf, numbers: new Map(names.map((name, number) => [name, number])) };
}

/** The passage as a vector in the space; features the space lacks are left out. */
export function vectorize(features: PassageFeatures, space: FeatureSpace): SparseVector {
  const entries: [number, number][] = [];
  for (const signal of features.signals) {
    const number = space.numbers.get(signal);
    if (number !== undefined) entries.push([number, 1]);
  }
  const terms: [number, number][] = [];
  for (const term of features.terms) {
    const number = space.numbers.get(`term:${term}`);
    if (number !== undefined) terms.push([number, space.idf[number] ?? 0]);
  }
  let squares = 0;
  for (const [, weight] of terms) squares += weight * weight;
  const length = Math.sqrt(squares);
  if (length > 0)
    for (const [number, weight] of terms) entries.push([number, (termWeight * weight) / length]);
  entries.sort((a, b) => a[0] - b[0]);
  return {
    indices: Int32Array.from(entries, ([number]) => number),
    values: Float64Array.from(entries, ([, value]) => value),
  };
}

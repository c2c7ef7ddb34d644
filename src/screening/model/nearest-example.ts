import type { SparseVector } from './feature-space.js';
import type { TrainingExample } from './screening-model.js';

/** The length of an example's sketch: one dimension for each bit of a feature's hash. */
export const sketchLength = 32;

/**
 * A short sketch of a vector: a random projection (each feature adds its value to every
 * dimension, with the sign given by a bit of a hash of its number), normalised to length 1. Near
 * vectors have near sketches, and a sketch cannot be turned back into the passage's words.
 */
export function sketchOf(vector: SparseVector): number[] {
  const sketch = new Float64Array(sketchLength);
  vector.indices.forEach((feature, k) => {
    const value = vector.values[k] ?? 0;
    const bits = hashOf(feature);
    for (let dimension = 0; dimension < sketchLength; dimension += 1)
      sketch[dimension] = (sketch[dimension] ?? 0) + ((bits >>> dimension) & 1 ? value : -value);
  });
  let squares = 0;
  for (const value of sketch) squares += value * value;
  const length = Math.sqrt(squares) || 1;
  return Array.from(sketch, (value) => Math.round((value / length) * 1000) / 1000);
}

/** Training examples with their sketches laid end to end, for searching them quickly. */
export interface ExampleIndex {
  examples: readonly TrainingExample[];
  sketches: Float64Array;
}

/** Lays the examples' sketches end to end (see `ExampleIndex`). */
export function indexExamples(examples: readonly TrainingExample[]): ExampleIndex {
  const sketches = new Float64Array(examples.length * sketchLength);
  examples.forEach((example, index) => {
    sketches.set(example.sketch.slice(0, sketchLength), index * sketchLength);
  });
  return { examples, sketches };
}

/** The training example whose sketch is nearest (by cosine), with how near it is. */
export function findNearestExample(
  sketch: readonly number[],
  index: ExampleIndex,
): { example: TrainingExample; similarity: number } | undefined {
  const { sketches, examples } = index;
  const near = Float64Array.from(sketch);
  let bestAt = -1;
  let bestSimilarity = -Infinity;
  for (let at = 0; at < examples.length; at += 1) {
    let similarity = 0;
    const offset = at * sketchLength;
    for (let dimension = 0; dimension < sketchLength; dimension += 1)
      similarity += (near[dimension] ?? 0) * (sketches[offset + dimension] ?? 0);
    if (similarity > bestSimilarity) {
      bestSimilarity = similarity;
      bestAt = at;
    }
  }
  const example = examples[bestAt];
  return example && { example, similarity: bestSimilarity };
}

/** The cosine similarity of two sketches (both of length 1): from -1 to 1. */
export function sketchSimilarity(a: readonly number[], b: readonly number[]): number {
  let similarity = 0;
  for (let dimension = 0; dimension < a.length; dimension += 1)
    similarity += (a[dimension] ?? 0) * (b[dimension] ?? 0);
  return similarity;
}

// MurmurHash3's 32-bit finaliser: well-mixed bits from a feature's number.
function hashOf(feature: number): number {
  let h = Math.imul(feature + 1, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

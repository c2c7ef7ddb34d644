import type { SparseVector } from './feature-space.js';
import type { TrainingExample } from './screening-model.js';

/** The length of an example's sketch. */
export const sketchLength = 48;

/**
 * A short sketch of a vector: a random projection (each feature adds its value, with a sign
 * drawn from a hash of its number and the dimension), normalised to length 1. Near vectors have
 * near sketches, and a sketch cannot be turned back into the passage's words.
 */
export function sketchOf(vector: SparseVector): number[] {
  const sketch = new Array<number>(sketchLength).fill(0);
  vector.indices.forEach((feature, k) => {
    const value = vector.values[k] ?? 0;
    for (let dimension = 0; dimension < sketchLength; dimension += 1)
      sketch[dimension] = (sketch[dimension] ?? 0) + (signOf(feature, dimension) ? value : -value);
  });
  const length = Math.hypot(...sketch) || 1;
  return sketch.map((value) => Math.round((value / length) * 1000) / 1000);
}

/** The training example whose sketch is nearest (by cosine), with how near it is. */
export function findNearestExample(
  sketch: readonly number[],
  examples: readonly TrainingExample[],
): { example: TrainingExample; similarity: number } | undefined {
  let best: { example: TrainingExample; similarity: number } | undefined;
  for (const example of examples) {
    let similarity = 0;
    for (let dimension = 0; dimension < sketch.length; dimension += 1)
      similarity += (sketch[dimension] ?? 0) * (example.sketch[dimension] ?? 0);
    if (!best || similarity > best.similarity) best = { example, similarity };
  }
  return best;
}

// A 32-bit integer mix (from MurmurHash3's finaliser): its lowest bit is the sign.
function signOf(feature: number, dimension: number): boolean {
  let h = Math.imul(feature + 1, 0x9e3779b1) ^ Math.imul(dimension + 1, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h & 1) === 1;
}

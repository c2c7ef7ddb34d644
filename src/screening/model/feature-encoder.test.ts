import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../load-catalogue.js';
import { prepareCatalogue } from '../prepare-catalogue.js';
import { readTextAsPassage } from '../read-text-passage.js';
import { createFeatureEncoder, encodePassage } from './feature-encoder.js';
import { buildFeatureSpace, termWeight, vectorize } from './feature-space.js';

const catalogue = loadCatalogue();
const prepared = prepareCatalogue(catalogue);
const texts = readFileSync(new URL('../../../corpus/simwatch.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const passages = texts.flatMap((text) => readTextAsPassage(text, prepared) ?? []);

describe('encodePassage()', () => {
  it('gives exactly the vector of the passage’s named features', () => {
    // A space from half the passages, so the other half has features the space lacks.
    const space = buildFeatureSpace(passages.slice(0, 120).map((passage) => passage.features()));
    const encoder = createFeatureEncoder(space, catalogue.frames);
    expect(passages.length).toBeGreaterThan(150);
    for (const passage of passages) {
      const fast = encodePassage(passage.analysis, passage.signals, encoder);
      const named = vectorize(passage.features(), space);
      expect(Array.from(fast.indices)).toEqual(Array.from(named.indices));
      expect(Array.from(fast.values)).toEqual(Array.from(named.values));
    }
  });
});

describe('a feature space', () => {
  it('keeps every signal but only terms in at least two passages, weighted by rarity', () => {
    const space = buildFeatureSpace([
      { signals: new Set(['frame:police']), terms: new Set(['police', 'rare']) },
      { signals: new Set(['cue:reports concerns']), terms: new Set(['police', 'common']) },
      { signals: new Set(), terms: new Set(['common']) },
    ]);
    expect(space.names).toEqual([
      'cue:reports concerns',
      'frame:police',
      'term:common',
      'term:police',
    ]);
    const vector = vectorize(
      { signals: new Set(['frame:police', 'frame:unknown']), terms: new Set(['police', 'rare']) },
      space,
    );
    // The signal counts 1; the one known term, alone, has the terms' whole length.
    expect(Array.from(vector.indices)).toEqual([1, 3]);
    expect(Array.from(vector.values)).toEqual([1, termWeight]);
  });
});

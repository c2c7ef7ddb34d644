import { describe, expect, it } from 'vitest';
import { evidenceLabels } from '../finding.js';
import { loadCatalogue } from '../load-catalogue.js';
import type { LabelledExample } from './labelled-example.js';
import { crossValidate } from './cross-validate.js';
import { vectorize } from './feature-space.js';
import { scoreVector, sigmoid } from './logistic-regression.js';
import { readExamples } from './read-examples.js';
import { trainScreeningModel } from './train-model.js';

const catalogue = loadCatalogue();
const train = {
  catalogueVersion: catalogue.version,
  createdAt: '2026-12-07T00:00:00Z',
  corpora: [],
};

function example(id: string, group: string, text: string, police: boolean): LabelledExample {
  return {
    id,
    text,
    group,
    labels: Object.fromEntries(
      evidenceLabels.map((label) => [label, label === 'police_in_care' && police]),
    ),
    stance: police ? 'practice' : 'neutral',
    uncertain: false,
    origin: 'corpus',
    source: group,
  };
}

describe('crossValidate()', () => {
  // Each source page has its own word, and every passage of a page has the same label: a model
  // that had seen a page would learn its word; one that had not cannot. (The folds, filled in
  // name order, each get one page of each label, so every training side is balanced.)
  const pages = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel'];
  const examples = pages.flatMap((word, page) =>
    [1, 2, 3, 4, 5].map((n) =>
      example(
        `${word}-${n}`,
        `https://example.org/${word}`,
        `The ${word} police officer met clinicians of the crisis team in week ${n}.`,
        page < 4,
      ),
    ),
  );

  it('never tests a passage on a model that saw its source page', () => {
    const predictions = crossValidate(readExamples(examples, catalogue), catalogue, {
      folds: 4,
      threshold: 0.5,
      train,
    });
    expect(predictions).toHaveLength(examples.length);
    const gap = (held: { example: LabelledExample; probability: number }[]) => {
      const mean = (police: boolean) => {
        const of = held.filter(({ example }) => example.labels.police_in_care === police);
        return of.reduce((sum, { probability }) => sum + probability, 0) / of.length;
      };
      return mean(true) - mean(false);
    };
    // Held out by page, a page's word is unknown to the model, so it cannot tell the pages apart;
    // a model that has seen every page can.
    const heldOut = predictions.map((prediction) => ({
      example: prediction.example,
      probability: prediction.probabilities.police_in_care ?? 0,
    }));
    expect(Math.abs(gap(heldOut))).toBeLessThan(0.15);
    const model = trainScreeningModel(readExamples(examples, catalogue), train);
    const { linear } = model.labels.police_in_care;
    const seen = readExamples(examples, catalogue).map(({ example, reading }) => ({
      example,
      probability: reading
        ? sigmoid(scoreVector(vectorize(reading.features(), model.space), linear))
        : 0,
    }));
    expect(gap(seen)).toBeGreaterThan(0.25);
  });

  it('trains on register examples but tests only corpus passages', () => {
    const register = {
      ...example('finding 1', 'document:1', 'The police officer visits.', true),
      origin: 'register' as const,
    };
    const predictions = crossValidate(readExamples([...examples, register], catalogue), catalogue, {
      folds: 4,
      threshold: 0.5,
      train,
    });
    expect(predictions.map((prediction) => prediction.example.id)).not.toContain('finding 1');
  });
});

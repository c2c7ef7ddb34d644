import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../load-catalogue.js';
import { createScreeningEngine } from '../screening-engine.js';
import { fixedModel } from '../test-support/fixed-model.js';
import { parseModel, serialiseModel } from './model-file.js';

const catalogue = loadCatalogue();
const model = fixedModel({
  catalogueVersion: catalogue.version,
  labels: { police_in_care: { bias: -2.123456789, weights: { 'frame:police': 3.3333333 } } },
});

describe('the model file', () => {
  it('reads back what it wrote, screening the same', () => {
    const again = parseModel(serialiseModel(model), '"test"');
    expect(again.space.names).toEqual(model.space.names);
    const text = 'A police officer is embedded in the crisis team.';
    const before = createScreeningEngine({ catalogue, model }).screenText(text).findings;
    const after = createScreeningEngine({ catalogue, model: again }).screenText(text).findings;
    expect(after.map((finding) => finding.score)).toEqual(before.map((finding) => finding.score));
    expect(after.length).toBe(1);
  });

  it.each([
    ['not json', /"x": it is not valid JSON/],
    ['{"format":"other"}', /"x": it is not a simwatch screening model of format 1/],
  ])('names what is wrong with a bad file: %s', (text, message) => {
    expect(() => parseModel(text, '"x"')).toThrow(message);
  });

  it('refuses weights that do not match the features', () => {
    const raw = JSON.parse(serialiseModel(model)) as {
      labels: { sim_named: { weights: number[] } };
    };
    raw.labels.sim_named.weights.push(1);
    expect(() => parseModel(JSON.stringify(raw), '"x"')).toThrow(
      /labels.sim_named has 2 weights for 1 features/,
    );
  });
});

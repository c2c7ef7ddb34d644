import { describe, expect, it } from 'vitest';
import type { Label } from '../finding.js';
import { evaluate } from './evaluate.js';
import { parseLabelledCorpus, type LabelledPassage } from './labelled-corpus.js';

function passage(
  id: string,
  labels: Label[],
  stance: LabelledPassage['stance'],
  uncertain = false,
): LabelledPassage {
  return { id, text: id, labels, stance, uncertain };
}

describe('evaluate()', () => {
  const corpus = [
    passage('a', ['sim_named'], 'practice'),
    passage('b', ['sim_named'], 'practice'),
    passage('c', [], 'critique'),
    passage('d', [], 'critique'),
    passage('e', ['assurance'], 'assurance', true),
  ];
  const predictions: Record<string, Label[]> = {
    a: ['sim_named'],
    b: [],
    c: ['sim_named'],
    d: [],
    e: [],
  };
  const result = evaluate(corpus, (text) => predictions[text] ?? []);

  it('counts true and false positives and negatives per label', () => {
    const sim = result.perLabel.find((score) => score.label === 'sim_named');
    expect(sim).toMatchObject({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(sim?.f1).toBeCloseTo(0.5);
  });

  it('leaves uncertain passages out of the scores', () => {
    expect(result.scored).toBe(4);
    expect(result.skippedUncertain).toBe(1);
    expect(result.perLabel.find((score) => score.label === 'assurance')?.f1).toBe(1);
  });

  it('reports the share of critique passages given a feature label', () => {
    expect(result.critique).toEqual({ total: 2, flagged: 1, share: 0.5 });
    expect(result.mistakes.map((mistake) => mistake.id)).toEqual(['b', 'c']);
  });
});

describe('parseLabelledCorpus()', () => {
  it('reads passages and marks uncertain ones', () => {
    const text =
      '{"id":"x","text":"t","labels":["assurance"],"stance":"assurance","uncertain":true}\n\n';
    expect(parseLabelledCorpus(text, 'c.jsonl')).toEqual([
      { id: 'x', text: 't', labels: ['assurance'], stance: 'assurance', uncertain: true },
    ]);
  });

  it.each([
    ['{"id":"x","text":"t","labels":["nope"],"stance":"neutral"}', /line 1: unknown label "nope"/],
    ['{"id":"x","text":"t","labels":[],"stance":"angry"}', /line 1: "stance" must be one of/],
    ['not json', /line 1: it is not valid JSON/],
    [
      '{"id":"x","text":"t","labels":[],"stance":"neutral"}\n{"id":"x","text":"u","labels":[],"stance":"neutral"}',
      /line 2: the id "x" is used twice/,
    ],
  ])('names the line and the problem: %s', (text, message) => {
    expect(() => parseLabelledCorpus(text, 'c.jsonl')).toThrow(message);
  });
});

import { describe, expect, it } from 'vitest';
import { exampleOfPassage, parseLabelledCorpus } from './labelled-corpus.js';

describe('parseLabelledCorpus()', () => {
  it('reads passages with their source page, and marks uncertain ones', () => {
    const text =
      '{"id":"x","text":"t","labels":["assurance"],"stance":"assurance","uncertain":true,"source_url":"https://a.example/p"}\n\n';
    expect(parseLabelledCorpus(text, 'c.jsonl')).toEqual([
      {
        id: 'x',
        text: 't',
        labels: ['assurance'],
        stance: 'assurance',
        uncertain: true,
        sourceUrl: 'https://a.example/p',
      },
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

describe('exampleOfPassage()', () => {
  it('knows every evidence label, and groups a passage without a source on its own', () => {
    const [passage] = parseLabelledCorpus(
      '{"id":"y","text":"t","labels":["sim_named"],"stance":"practice"}',
      'c.jsonl',
    );
    if (!passage) throw new Error('expected a passage');
    expect(exampleOfPassage(passage, '/data/c.jsonl')).toMatchObject({
      group: 'c.jsonl#y',
      labels: {
        police_in_care: false,
        coercion_sanctions: false,
        discrimination_hiu: false,
        sim_named: true,
      },
      origin: 'corpus',
    });
  });
});

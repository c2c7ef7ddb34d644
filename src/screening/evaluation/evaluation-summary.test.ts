import { describe, expect, it } from 'vitest';

import type { HeldOutPrediction } from '../model/cross-validate.js';
import { summariseEvaluation } from './evaluation-summary.js';

// Twenty fictional sources of two passages each: police in care found in 3 of every 4 showing it.
function predictions(): HeldOutPrediction[] {
  return Array.from({ length: 40 }, (_, index): HeldOutPrediction => {
    const shows = index % 2 === 0;
    return {
      example: {
        id: `p${index}`,
        text: 'A fictional passage about a care team.',
        group: `https://example.nhs.uk/page-${Math.floor(index / 2)}`,
        labels: { police_in_care: shows },
        stance: shows ? 'practice' : 'neutral',
        uncertain: false,
        origin: 'corpus',
        source: `https://example.nhs.uk/page-${Math.floor(index / 2)}`,
      },
      reported: shows && index % 8 !== 0 ? ['police_in_care'] : [],
      scores: {},
      probabilities: {},
      stance: null,
    };
  });
}

const summary = summariseEvaluation({
  predictions: predictions(),
  folds: 5,
  threshold: 0.5,
  modelVersion: 'm1',
  catalogueVersion: 'c1',
  evaluatedOn: '2026-12-07',
  falseLeads: {
    documents: 3,
    words: 200_000,
    findings: 4,
    perHundredThousandWords: 2,
    byLabel: {},
    examples: [],
  },
});

describe('summariseEvaluation()', () => {
  it('counts passages and sources, and gives each figure inside its 95% interval', () => {
    expect(summary).toMatchObject({ passages: 40, sources: 20, folds: 5 });
    const police = summary.perLabel.find((row) => row.label === 'police_in_care');
    expect(police).toMatchObject({ found: 15, missed: 5, wronglyFlagged: 0, precision: 1 });
    expect(police?.recall.value).toBeCloseTo(0.75);
    for (const estimate of [summary.macroF1, police?.recall]) {
      expect(estimate?.low).toBeLessThanOrEqual(estimate?.value ?? NaN);
      expect(estimate?.high).toBeGreaterThanOrEqual(estimate?.value ?? NaN);
      expect(estimate?.high).toBeGreaterThan(estimate?.low ?? NaN);
    }
  });

  it('gives false leads per 100,000 words with a Poisson interval', () => {
    const rate = summary.falseLeads?.perHundredThousandWords;
    expect(rate?.value).toBe(2);
    // The exact 95% interval for 4 events is 1.09 to 10.24; per 200,000 words, halved.
    expect(rate?.low).toBeCloseTo(0.545, 1);
    expect(rate?.high).toBeCloseTo(5.12, 1);
  });

  it('says which kinds of text it gets wrong, without quoting any passage', () => {
    expect(summary.mistakesByKind[0]).toMatchObject({
      kind: 'Passages that describe a practice',
      passages: 20,
      wrong: 5,
    });
    expect(JSON.stringify(summary)).not.toContain('fictional passage');
  });
});

import { describe, expect, it } from 'vitest';

import {
  examplesOfIds,
  exampleOfReviewedFinding,
  reviewedExamples,
  sameReviewedFindings,
  type FindingPassage,
} from './reviewed-examples.js';

const passage = (
  id: number,
  status: string,
  fields: Partial<FindingPassage> = {},
): FindingPassage => ({
  id,
  documentId: 4,
  label: 'police_in_care',
  excerpt: `Passage ${id}.`,
  status,
  ...fields,
});

describe('exampleOfReviewedFinding()', () => {
  it('makes a confirmed finding a practice that shows its label, and says nothing of the others', () => {
    expect(exampleOfReviewedFinding(passage(7, 'confirmed'), true)).toEqual({
      id: 'finding 7',
      text: 'Passage 7.',
      group: 'document:4',
      labels: { police_in_care: true },
      stance: 'practice',
      uncertain: false,
      origin: 'register',
      source: 'document:4',
    });
  });

  it('makes a rejected finding a passage without its label, of unknown stance', () => {
    const example = exampleOfReviewedFinding(passage(8, 'rejected', { label: 'sim_named' }), false);
    expect(example).toMatchObject({ labels: { sim_named: false }, stance: null });
  });
});

describe('reviewedExamples()', () => {
  it('learns from confirmed and rejected findings only, and keeps their ids by decision', () => {
    const { examples, ids } = reviewedExamples([
      passage(1, 'confirmed'),
      passage(2, 'pending'),
      passage(3, 'rejected'),
      passage(4, 'in_discussion'),
      passage(5, 'confirmed', { documentId: 9 }),
    ]);
    expect(examples.map((example) => [example.id, example.group])).toEqual([
      ['finding 1', 'document:4'],
      ['finding 3', 'document:4'],
      ['finding 5', 'document:9'],
    ]);
    expect(ids).toEqual({ confirmed: [1, 5], rejected: [3] });
  });
});

describe('examplesOfIds()', () => {
  it('rebuilds the examples a model learned from with the decisions as they were then', () => {
    const now = [passage(1, 'rejected'), passage(2, 'confirmed'), passage(3, 'confirmed')];
    const examples = examplesOfIds(now, { confirmed: [1], rejected: [2] });
    expect(examples.map((example) => [example.id, example.labels.police_in_care])).toEqual([
      ['finding 1', true],
      ['finding 2', false],
    ]);
  });
});

describe('sameReviewedFindings()', () => {
  it.each([
    [{ confirmed: [1, 2], rejected: [3] }, { confirmed: [2, 1], rejected: [3] }, true],
    [{ confirmed: [], rejected: [] }, { confirmed: [], rejected: [] }, true],
    [{ confirmed: [1], rejected: [] }, { confirmed: [], rejected: [1] }, false],
    [{ confirmed: [1, 2], rejected: [] }, { confirmed: [1], rejected: [] }, false],
    [{ confirmed: [12], rejected: [] }, { confirmed: [1, 2], rejected: [] }, false],
  ])('compares %j with %j: %s', (a, b, same) => {
    expect(sameReviewedFindings(a, b)).toBe(same);
  });
});

import { describe, expect, it } from 'vitest';
import { computeNationalFigures } from './national-figures.js';
import type { OrganisationFacts } from './register-facts.js';
import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from './test-support/organisation-facts.js';

// Fictional organisations across three regions and one with no region, answering the 2021
// review (id 2021) and a later one (id 2023).
const review2023 = { reviewId: 2023, reviewName: '2023 review', reviewClosesOn: '2023-03-31' };

function trust(
  id: number,
  region: string | null,
  facts: Partial<OrganisationFacts> = {},
): OrganisationFacts {
  return organisationFacts({
    ...facts,
    organisation: { id, code: `ZZ${id}`, name: `Example Trust ${id}`, region },
  });
}

const fixture: OrganisationFacts[] = [
  // Used the model and ended it.
  trust(1, 'North', { returns: [reviewReturn({ usedModel: true, usedUntil: '2021-06-30' })] }),
  // Used the model and its key features continue.
  trust(2, 'North', {
    returns: [
      reviewReturn({
        usedModel: true,
        continuingFeatures: ['police_in_care', 'coercion_sanctions'],
      }),
    ],
  }),
  // Says it did not use the model.
  trust(3, 'North', { returns: [reviewReturn({ usedModel: false })] }),
  // Assured it ended, then evidence of police in care planning after the end.
  trust(4, 'Midlands', {
    returns: [reviewReturn({ usedModel: true, usedUntil: '2020-12-31' })],
    assurances: [assurance('ended', '2022-01-10', { scopeDate: '2021-12-31' })],
    evidence: [
      evidence('police_in_care', '2023-05-02', { findingId: 1 }),
      evidence('police_in_care', '2023-06-02', { findingId: 2 }),
    ],
  }),
  // Did not answer in 2021; said not used in 2023.
  trust(5, 'Midlands', {
    returns: [
      reviewReturn({ responded: false, respondedOn: null }),
      reviewReturn({ id: 2, ...review2023, respondedOn: '2023-03-01', usedModel: false }),
    ],
  }),
  // A police force with evidence and no returns.
  organisationFacts({
    organisation: {
      id: 6,
      code: 'ZZ6',
      name: 'Example Police',
      kind: 'police_force',
      region: 'South',
    },
    evidence: [evidence('discrimination_hiu', '2022-02-01')],
  }),
  // Said in 2021 that a feature continued, and in 2023 that use had ended.
  trust(7, 'South', {
    returns: [
      reviewReturn({ usedModel: true, continuingFeatures: ['discrimination_hiu'] }),
      reviewReturn({
        id: 2,
        ...review2023,
        respondedOn: '2023-03-01',
        usedModel: true,
        usedUntil: '2022-12-31',
      }),
    ],
  }),
  // Did not answer in 2023.
  trust(8, null, {
    returns: [reviewReturn({ ...review2023, responded: false, respondedOn: null })],
  }),
  // Nothing known.
  trust(9, null),
];

describe('computeNationalFigures()', () => {
  it('counts organisations by status from their records', () => {
    expect(computeNationalFigures(fixture).byStatus).toEqual({
      contradicted: 1,
      continuing: 2,
      used_ended: 2,
      assured_not_used: 2,
      no_response: 1,
      not_yet_reviewed: 1,
    });
  });

  it.each([
    ['every review', undefined, { asked: 7, responded: 6 }],
    ['the 2021 review', 2021, { asked: 6, responded: 5 }],
    ['the 2023 review', 2023, { asked: 3, responded: 2 }],
  ])('counts who was asked and who responded in %s', (_case, reviewId, counts) => {
    expect(computeNationalFigures(fixture, reviewId)).toMatchObject(counts);
  });

  it('gives the 2021 review its shape: who responded, who used the model, who continues', () => {
    expect(computeNationalFigures(fixture, 2021)).toMatchObject({
      organisations: 9,
      asked: 6,
      responded: 5,
      usedModel: 5,
      continuing: 3,
      contradicted: 1,
    });
  });

  it('counts use and continuation of each feature once per organisation', () => {
    expect(computeNationalFigures(fixture).perFeature).toEqual({
      police_in_care: { used: 2, continuing: 2 },
      coercion_sanctions: { used: 1, continuing: 1 },
      discrimination_hiu: { used: 2, continuing: 1 },
      sim_named: { used: 0, continuing: 0 },
    });
  });

  it('counts each region, sorted by name, with organisations of no region last', () => {
    expect(computeNationalFigures(fixture).perRegion).toEqual([
      { region: 'Midlands', organisations: 2, responded: 2, usedModel: 1, continuing: 1 },
      { region: 'North', organisations: 3, responded: 3, usedModel: 2, continuing: 1 },
      { region: 'South', organisations: 2, responded: 1, usedModel: 2, continuing: 1 },
      { region: 'Unknown region', organisations: 2, responded: 0, usedModel: 0, continuing: 0 },
    ]);
  });

  it('counts responses to the given review only in each region', () => {
    const responded = computeNationalFigures(fixture, 2023).perRegion.map((row) => row.responded);
    expect(responded).toEqual([1, 0, 1, 0]);
  });

  it('gives zeros, not made-up figures, when there are no organisations', () => {
    const figures = computeNationalFigures([]);
    expect(figures).toMatchObject({
      organisations: 0,
      asked: 0,
      responded: 0,
      usedModel: 0,
      perRegion: [],
    });
    expect(Object.values(figures.byStatus).every((count) => count === 0)).toBe(true);
  });
});

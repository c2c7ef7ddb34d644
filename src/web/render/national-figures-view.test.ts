import { describe, expect, it } from 'vitest';

import { computeNationalFigures } from '../../register/status/national-figures.js';
import {
  evidence,
  organisationFacts,
  reviewReturn,
} from '../../register/status/test-support/organisation-facts.js';
import { buildNationalFiguresView, featureHeading } from './national-figures-view.js';

describe('buildNationalFiguresView()', () => {
  const figures = computeNationalFigures([
    organisationFacts({
      organisation: { id: 1, code: 'A' },
      returns: [reviewReturn({ usedModel: true, continuingFeatures: ['police_in_care'] })],
    }),
    organisationFacts({
      organisation: { id: 2, code: 'B' },
      evidence: [evidence('sim_named', '2024-01-01')],
    }),
    organisationFacts({ organisation: { id: 3, code: 'C' } }),
  ]);
  const view = buildNationalFiguresView(figures);

  it('gives the same numbers to the tables as the figures', () => {
    expect(view.organisations).toBe(3);
    expect(view.answers.map((row) => row.value)).toEqual([1, 1, 2, 2, 0]);
    const police = view.features.find((row) => row.feature === 'police_in_care');
    expect(police?.used).toEqual({
      text: 'Used',
      value: 1,
      href: '/organisations?feature=police_in_care',
    });
    expect(police?.continuing.value).toBe(1);
    expect(view.statuses.find((row) => row.status === 'not_yet_reviewed')?.value).toBe(1);
  });

  it('draws charts scaled to every organisation in the register', () => {
    expect(view.answersChart).toContain('Organisations, out of 3 in the register');
    expect(view.featuresChart).toContain('>Used: 1</text>');
    expect(view.featuresChart).toContain('Police in care planning: used 1, appear to continue 1.');
  });
});

describe('featureHeading()', () => {
  it.each([
    ['police_in_care', 'Police in care planning'],
    ['sim_named', 'SIM by name'],
  ] as const)('%s reads "%s"', (feature, heading) => {
    expect(featureHeading(feature)).toBe(heading);
  });
});

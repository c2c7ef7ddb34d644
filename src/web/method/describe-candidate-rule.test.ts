import { describe, expect, it } from 'vitest';

import type { Frame } from '../../screening/frames.js';
import { describeCandidateRule } from './describe-candidate-rule.js';

const frames: Frame[] = [
  { name: 'police', means: 'names the police', terms: [] },
  { name: 'officer', means: 'names officers', terms: [] },
  { name: 'plans', means: 'refers to care plans', terms: [] },
  { name: 'clinician', means: 'names clinicians', terms: [] },
  { name: 'team_working', means: 'describes working in one team', terms: [] },
];

describe('describeCandidateRule()', () => {
  it('names the frames a sentence needs by what they mean', () => {
    expect(
      describeCandidateRule({ label: 'police_in_care', frames: [0, 1], with: [2, 3, 4] }, frames),
    ).toBe(
      'A sentence that names the police or names officers, and also refers to care plans, names clinicians or describes working in one team.',
    );
  });

  it('needs nothing else when the rule asks for nothing else', () => {
    expect(describeCandidateRule({ label: 'sim_named', frames: [0], with: [] }, frames)).toBe(
      'A sentence that names the police.',
    );
  });
});

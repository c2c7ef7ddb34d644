import { describe, expect, it } from 'vitest';

import { activationRefusal } from '../../../register/models/model-activation.js';
import { refusalFigures } from './refusal-figures.js';

describe('refusalFigures()', () => {
  it('reads both figures from the register’s refusal', () => {
    const message = activationRefusal({
      candidateVersion: 'new',
      candidateMacroF1: 0.40123,
      inUseVersion: 'old',
      inUseReviewedFindings: 3,
      baselineMacroF1: 0.42,
    });
    expect(message).toBeDefined();
    expect(refusalFigures(message ?? '')).toEqual({ candidate: 0.401, baseline: 0.42 });
  });

  it('reads figures that differ only after the third decimal', () => {
    const message = activationRefusal({
      candidateVersion: 'new',
      candidateMacroF1: 0.40001,
      inUseVersion: 'old',
      inUseReviewedFindings: 3,
      baselineMacroF1: 0.40004,
    });
    expect(refusalFigures(message ?? '')).toEqual({ candidate: 0.40001, baseline: 0.40004 });
  });

  it('reads nothing from another message', () => {
    expect(refusalFigures('Cannot read "corpus.jsonl": no such file')).toBeUndefined();
  });
});

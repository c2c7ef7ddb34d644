import { describe, expect, it } from 'vitest';

import type { ModelActivation } from '../../../register/models/model-activation.js';
import { distinctPercents, trainingJobView } from './model-page.js';

const started = { startedBy: 'ada', startedAt: '2026-12-07T10:00:00.000Z', steps: ['one'] };

describe('distinctPercents()', () => {
  it('shows two shares with one decimal, or more when that is needed to tell them apart', () => {
    expect(distinctPercents(0.4012, 0.4204)).toEqual(['40.1%', '42.0%']);
    expect(distinctPercents(0.40012, 0.40034)).toEqual(['40.01%', '40.03%']);
    expect(distinctPercents(0.5, 0.5)).toEqual(['50.0%', '50.0%']);
  });
});

describe('trainingJobView()', () => {
  it('gives an activated model’s figure and its baseline', () => {
    const activation = {
      version: 'model-2',
      evaluation: { macroF1: 0.485, baselineMacroF1: 0.419 },
    } as ModelActivation;
    expect(
      trainingJobView({ ...started, state: 'activated', finishedAt: 'later', activation }),
    ).toMatchObject({
      state: 'activated',
      version: 'model-2',
      macroF1: '48.5%',
      baselineMacroF1: '41.9%',
    });
  });

  it('reads the figures of a refusal, and gives none when the message has none', () => {
    const message =
      'Cannot make model x active: its cross-validated macro-F1 on the corpus is 0.719, below 0.720 for the same corpus';
    expect(
      trainingJobView({
        ...started,
        state: 'refused',
        finishedAt: 'later',
        code: 'model_not_better',
        message,
      }),
    ).toMatchObject({ figures: { candidate: '71.9%', baseline: '72.0%' }, message });
    expect(
      trainingJobView({
        ...started,
        state: 'refused',
        finishedAt: 'later',
        code: 'model_not_better',
        message: 'No figures here',
      }),
    ).toMatchObject({ figures: null });
  });

  it('keeps what went wrong inside off the page, but shows simwatch’s own messages', () => {
    const failed = (code: 'internal' | 'invalid_corpus') =>
      trainingJobView({
        ...started,
        state: 'failed',
        finishedAt: 'later',
        code,
        message: 'Detail',
      });
    expect(failed('internal')).toMatchObject({
      message: expect.stringMatching(/^There was a problem with the service/) as string,
    });
    expect(failed('invalid_corpus')).toMatchObject({ message: 'Detail' });
  });
});

import { describe, expect, it, vi } from 'vitest';

import type { ModelActivation } from '../../register/models/model-activation.js';
import { createModelTraining, type TrainModel, type TrainingOutcome } from './model-training.js';

const request = { corpusPaths: ['/corpus.jsonl'], ordinaryFolder: null, actor: 'ada' };
const activation = { id: 1, version: 'model-2' } as ModelActivation;
const now = () => new Date('2026-12-07T10:00:00Z');

/** A trainer that says a step, then waits until the test lets it finish. */
function heldTrainer() {
  let finish: (outcome: TrainingOutcome) => void = () => undefined;
  const train: TrainModel = (_request, { onProgress, signal }) =>
    new Promise((resolve) => {
      onProgress('cross-validated');
      finish = resolve;
      signal.addEventListener('abort', () => {
        resolve({ kind: 'failed', error: { code: 'internal', message: 'stopped' } });
      });
    });
  return {
    train,
    finish: (outcome: TrainingOutcome) => {
      finish(outcome);
    },
  };
}

describe('createModelTraining()', () => {
  it('runs one job at a time, with its steps, and becomes active after the server catches up', async () => {
    const trainer = heldTrainer();
    const afterActivation = vi.fn(() => Promise.resolve());
    const training = createModelTraining({
      train: trainer.train,
      now,
      afterActivation,
      logError: () => undefined,
    });
    expect(training.current()).toBeUndefined();
    expect(training.start(request)).toBe(true);
    expect(training.start(request)).toBe(false);
    expect(training.current()).toEqual({
      state: 'running',
      startedBy: 'ada',
      startedAt: '2026-12-07T10:00:00.000Z',
      steps: ['cross-validated'],
    });
    trainer.finish({ kind: 'activated', activation });
    await training.idle();
    expect(afterActivation).toHaveBeenCalledWith(activation);
    expect(training.current()).toMatchObject({ state: 'activated', activation });
    expect(training.start(request)).toBe(true);
  });

  it('tells a refusal from a failure', async () => {
    for (const [code, state] of [
      ['model_not_better', 'refused'],
      ['invalid_corpus', 'failed'],
    ] as const) {
      const training = createModelTraining({
        train: () => Promise.resolve({ kind: 'failed', error: { code, message: 'No' } }),
        now,
        afterActivation: () => Promise.resolve(),
        logError: () => undefined,
      });
      training.start(request);
      await training.idle();
      expect(training.current()).toMatchObject({ state, code, message: 'No' });
    }
  });

  it('says so when the model was made active but this server could not switch to it', async () => {
    const logError = vi.fn();
    const training = createModelTraining({
      train: () => Promise.resolve({ kind: 'activated', activation }),
      now,
      afterActivation: () => Promise.reject(new Error('cannot read the model file')),
      logError,
    });
    training.start(request);
    await training.idle();
    expect(training.current()).toMatchObject({
      state: 'failed',
      message:
        'Model model-2 was made active, but this server could not start screening with it: restart the server',
    });
    expect(logError).toHaveBeenCalled();
  });

  it('stops a running job', async () => {
    const trainer = heldTrainer();
    const training = createModelTraining({
      train: trainer.train,
      now,
      afterActivation: () => Promise.resolve(),
      logError: () => undefined,
    });
    training.start(request);
    await training.stop();
    expect(training.current()).toMatchObject({ state: 'failed' });
  });
});

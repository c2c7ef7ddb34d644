import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { activationRefusal } from '../../../register/models/model-activation.js';
import { listModelActivations } from '../../../register/models/models-repository.js';
import { writeSyntheticCorpus } from '../../../register/models/test-support/synthetic-corpus.js';
import { loadModelFile } from '../../../screening/model/model-file.js';
import { testDatabases } from '../../../test-support/register-databases.js';
import {
  createTestWebApp,
  type TestClient,
  type TestWebApp,
} from '../../test-support/web-test-app.js';
import type { TrainModel, TrainingOutcome } from '../../../app/model-training/model-training.js';

/** Training a model on a small corpus in a worker thread takes seconds, more on a busy machine. */
const training = 240_000;

/** A trainer that ends as it is told, after saying one step, without training anything. */
function fakeTrainer(outcome: TrainingOutcome): TrainModel {
  return (_request, { onProgress }) => {
    onProgress('cross-validated in 5 folds grouped by source');
    return Promise.resolve(outcome);
  };
}

for (const database of testDatabases()) {
  describe(`the screening model page on ${database.name}, with no corpus configured`, () => {
    let web: TestWebApp;
    let ada: TestClient;
    let vic: TestClient;
    beforeAll(async () => {
      web = await createTestWebApp({ database });
      [ada, vic] = await Promise.all([web.signedIn('ada'), web.signedIn('vic')]);
    });
    afterAll(() => web.cleanUp());

    it('shows the model in use, where it comes from and its cross-validated figures', async () => {
      const page = await vic.get('/workspace/model');
      expect(page.statusCode).toBe(200);
      const shipped = loadModelFile();
      expect(page.body).toContain(
        `Screening uses model ${shipped.version}, the model that comes with simwatch.`,
      );
      expect(page.body).toContain('no model has been made active in this register yet');
      expect(page.body).toContain(
        `${shipped.trainingData.passages.toLocaleString('en-GB')} labelled passages from ${shipped.trainingData.sources.toLocaleString('en-GB')} sources`,
      );
      for (const heading of [
        'Every labelled passage',
        'Passages with certain labels only',
        'At other thresholds',
        'How well the estimates match what came true',
        'With more training passages',
        'False leads on ordinary documents',
      ])
        expect(page.body).toContain(`>${heading}</h3>`);
      expect(page.body).toMatch(/Brier score: <strong>0\.\d{3}<\/strong>/);
      expect(page.body).toMatch(/<svg [^>]*aria-labelledby="model-learning-curve-title/);
      expect(page.body).toContain('No model has been made active in this register.');
    });

    it('tells how to set up a corpus, and offers no training, when none is configured', async () => {
      for (const client of [ada, vic]) {
        const page = await client.get('/workspace/model');
        expect(page.body).toContain('This server has no labelled corpus to train on');
        expect(page.body).toContain('<code>SIMWATCH_TRAINING_CORPUS</code>');
        expect(page.body).not.toContain('action="/workspace/model/training"');
      }
      expect((await vic.get('/workspace/model')).body).toContain(
        'Only administrators can train the model.',
      );
    });

    it('refuses to train without a corpus, saying why, and starts nothing', async () => {
      const posted = await ada.post('/workspace/model/training');
      expect(posted.statusCode).toBe(400);
      expect(posted.body).toContain('There is a problem');
      expect(posted.body).toContain('Set up a labelled corpus before training the model');
      expect(posted.body).toContain('href="#training"');
      expect(web.deps.modelTraining.current()).toBeUndefined();
    });

    it('lets only administrators train the model, and links the page from the workspace', async () => {
      const rita = await web.signedIn('rita');
      expect((await rita.post('/workspace/model/training')).statusCode).toBe(403);
      expect((await vic.post('/workspace/model/training')).statusCode).toBe(403);
      expect((await web.client().get('/workspace/model')).statusCode).toBe(303);
      expect((await vic.get('/workspace')).body).toContain('href="/workspace/model"');
    });
  });

  describe(`retraining the screening model from the workspace on ${database.name}`, () => {
    let web: TestWebApp;
    let ada: TestClient;
    let folder: string;
    beforeAll(async () => {
      folder = await mkdtemp(join(tmpdir(), 'simwatch-model-page-'));
      const corpus = await writeSyntheticCorpus(folder);
      web = await createTestWebApp({ database, env: { SIMWATCH_TRAINING_CORPUS: corpus.path } });
      ada = await web.signedIn('ada');
    });
    afterAll(async () => {
      await web.cleanUp();
      await rm(folder, { recursive: true, force: true });
    });

    it(
      'trains in the background, answering meanwhile, then screens with the new model',
      async () => {
        const before = await ada.get('/workspace/model');
        expect(before.body).toContain('The corpus: synthetic.jsonl.');
        expect(before.body).toContain('action="/workspace/model/training"');

        const posted = await ada.post('/workspace/model/training');
        expect(posted.statusCode).toBe(303);
        expect(posted.headers.location).toBe('/workspace/model');

        // The server answers while the worker trains, and a second job is refused.
        const started = Date.now();
        const running = await ada.get('/workspace/model');
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(running.body).toContain('The model is being trained.');
        expect(running.body).toContain(
          '<a href="/workspace/model" data-training-check-again>Check again</a>',
        );
        expect(running.body).not.toContain('action="/workspace/model/training"');
        expect(running.body).not.toContain('http-equiv="refresh"');
        const again = await ada.post('/workspace/model/training');
        expect(again.statusCode).toBe(409);
        expect(again.body).toContain('The model is already being trained');

        await web.deps.modelTraining.idle();
        const [activation] = await listModelActivations(web.deps.database.db);
        if (!activation) throw new Error('Training should have made a model active');
        expect(activation).toMatchObject({
          activatedBy: 'ada',
          trainingData: { corpora: ['synthetic.jsonl'], passages: 120 },
        });
        expect(web.deps.engine().modelVersion).toBe(activation.version);

        const after = await ada.get('/workspace/model');
        expect(after.body).toContain(`Model ${activation.version} is now in use`);
        expect(after.body).toContain(
          `Screening uses model ${activation.version}, the register’s active model.`,
        );
        expect(after.body).toContain('1 model made active');
        expect(after.body).toContain('action="/workspace/model/training"');
        const method = await web.client().get('/method');
        expect(method.body).toContain(`version ${activation.version}`);
        const events = await web.deps.database.db
          .selectFrom('record_events')
          .select(['type', 'actor'])
          .orderBy('seq', 'desc')
          .limit(1)
          .execute();
        expect(events).toEqual([{ type: 'model.activated', actor: 'ada' }]);
      },
      training,
    );
  });

  describe(`a retrained model that is refused or fails, on ${database.name}`, () => {
    it('shows a refused model as refused, with both figures, and changes nothing', async () => {
      const message =
        activationRefusal({
          candidateVersion: 'candidate',
          candidateMacroF1: 0.4012,
          inUseVersion: 'shipped',
          inUseReviewedFindings: 0,
          baselineMacroF1: 0.4204,
        }) ?? '';
      const web = await createTestWebApp({
        database,
        env: { SIMWATCH_TRAINING_CORPUS: '/nowhere/corpus.jsonl' },
        trainModel: fakeTrainer({ kind: 'failed', error: { code: 'model_not_better', message } }),
      });
      try {
        const ada = await web.signedIn('ada');
        const version = web.deps.engine().modelVersion;
        expect((await ada.post('/workspace/model/training')).statusCode).toBe(303);
        await web.deps.modelTraining.idle();
        const page = await ada.get('/workspace/model');
        expect(page.body).toContain('The new model was not made active');
        expect(page.body).toContain(
          'Its macro-F1 on the labelled passages was <strong>40.1%</strong>, below <strong>42.0%</strong>',
        );
        expect(page.body).toContain('cross-validated in 5 folds grouped by source');
        expect(await listModelActivations(web.deps.database.db)).toEqual([]);
        expect(web.deps.engine().modelVersion).toBe(version);
      } finally {
        await web.cleanUp();
      }
    });

    it('says training failed without showing what went wrong inside', async () => {
      const web = await createTestWebApp({
        database,
        env: { SIMWATCH_TRAINING_CORPUS: '/nowhere/corpus.jsonl' },
        trainModel: fakeTrainer({
          kind: 'failed',
          error: { code: 'internal', message: 'Unexpected error: secret stack' },
        }),
      });
      try {
        const ada = await web.signedIn('ada');
        await ada.post('/workspace/model/training');
        await web.deps.modelTraining.idle();
        const page = await ada.get('/workspace/model');
        expect(page.body).toContain('Training did not finish');
        expect(page.body).toContain(
          'There was a problem with the service while training the model',
        );
        expect(page.body).not.toContain('secret stack');
      } finally {
        await web.cleanUp();
      }
    });
  });
}

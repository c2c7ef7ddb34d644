import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { SimwatchError } from '../errors.js';
import { testDatabases } from '../test-support/register-databases.js';
import { findUploadJob } from '../uploads/upload-jobs-repository.js';
import { queueTextUpload } from '../uploads/test-support/queue-text-upload.js';
import type { Config } from '../config/load-config.js';
import { createAppDeps } from './create-app-deps.js';
import type { TrainModel } from './model-training/model-training.js';

const quiet = { warn: () => undefined, error: () => undefined };

for (const database of testDatabases()) {
  describe(`the composition root's background services on ${database.name}`, () => {
    let config: Config;
    let cleanUp: () => Promise<void>;

    beforeEach(async () => {
      ({ config, cleanUp } = await database.create());
    });
    afterEach(() => cleanUp());

    /** Queues an upload of a small text file, as the upload form does. */
    async function queueUpload(): Promise<string> {
      const deps = await createAppDeps(config, { log: quiet });
      const id = await queueTextUpload(deps, {
        id: 'job-1',
        title: 'A note',
        text: 'A plain note with nothing of concern.',
      });
      await deps.close();
      return id;
    }

    it('builds the upload queue without starting it, so the CLI never screens uploads', async () => {
      const id = await queueUpload();
      const cli = await createAppDeps(config, { log: quiet });
      // Closing waits for the queue: had opening the register started it, the job would be done.
      await cli.close();
      const reader = await createAppDeps(config, { screening: false });
      expect(await findUploadJob(reader.database.db, id)).toMatchObject({ state: 'queued' });
      await reader.close();
    });

    it('screens what waits once the queue is started, as the web server does', async () => {
      const id = await queueUpload();
      const server = await createAppDeps(config, { log: quiet });
      server.uploadQueue.start();
      await server.uploadQueue.idle();
      expect(await findUploadJob(server.database.db, id)).toMatchObject({
        state: 'done',
        stagedPath: null,
      });
      await server.close();
    });

    it('trains the model with the trainer it is given', async () => {
      const trainModel: TrainModel = (request, { onProgress }) => {
        onProgress(`Read ${request.corpusPaths.join(', ')}`);
        return Promise.resolve({
          kind: 'failed',
          error: { code: 'model_not_better', message: 'Not better' },
        });
      };
      const deps = await createAppDeps(config, { log: quiet, trainModel });
      expect(
        deps.modelTraining.start({ corpusPaths: ['a.jsonl'], ordinaryFolder: null, actor: 'ada' }),
      ).toBe(true);
      await deps.modelTraining.idle();
      expect(deps.modelTraining.current()).toMatchObject({
        state: 'refused',
        startedBy: 'ada',
        steps: ['Read a.jsonl'],
        message: 'Not better',
      });
      await deps.close();
    });

    it('has no background work to run when opened without screening', async () => {
      const deps = await createAppDeps(config, { screening: false });
      expect(() => {
        deps.uploadQueue.start();
      }).toThrow(SimwatchError);
      expect(deps.modelTraining.current()).toBeUndefined();
      await deps.close();
    });
  });
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { createAppDeps } from '../app/create-app-deps.js';
import { loadConfig, type Config } from '../config/load-config.js';
import { testDatabases } from '../test-support/register-databases.js';
import { findUploadJob } from '../uploads/upload-jobs-repository.js';
import { queueTextUpload } from '../uploads/test-support/queue-text-upload.js';
import { startServer } from './start-server.js';

for (const database of testDatabases())
  describe(`starting the web server on ${database.name}`, () => {
    let config: Config;
    let cleanUp: () => Promise<void>;

    beforeEach(async () => {
      const made = await database.create();
      cleanUp = made.cleanUp;
      config = loadConfig({
        SIMWATCH_DATA_DIR: made.config.dataDir,
        ...(made.config.databaseUrl ? { DATABASE_URL: made.config.databaseUrl } : {}),
        PORT: '0',
        HOST: '127.0.0.1',
      });
    });
    afterEach(() => cleanUp());

    it('starts the upload queue, which screens the uploads a stopped server left waiting', async () => {
      const before = await createAppDeps(config);
      await queueTextUpload(before, {
        id: 'left-waiting',
        title: 'Left waiting',
        text: 'A plain note left waiting when the server stopped.',
      });
      await before.close();

      const server = await startServer(config, { demoIfEmpty: false, logger: false });
      try {
        expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        await server.deps.uploadQueue.idle();
        expect(await findUploadJob(server.deps.database.db, 'left-waiting')).toMatchObject({
          state: 'done',
          stagedPath: null,
        });
      } finally {
        await server.stop();
      }
    });
  });

import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import type { Config } from '../config/load-config.js';
import type { QueueLog } from '../uploads/upload-queue.js';
import { buildDemo } from '../demo/build-demo.js';
import { countEvents } from '../register/ledger/record-reads.js';
import { loadSigningKey } from '../register/ledger/signing-key-file.js';
import { publishOpenData } from '../register/open-data/publish-open-data.js';
import { createWebApp } from './app.js';

/** A running server and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  deps: AppDeps;
  url: string;
  /** True when this start loaded the demonstration register into an empty database. */
  loadedDemo: boolean;
  stop(): Promise<void>;
}

/**
 * Opens the register (creating the database if needed), loads the demonstration register when
 * asked and the register is empty, serves the web app on the configured host and port, and
 * starts the upload queue (`stop` stops it with the rest, through `deps.close()`).
 */
export async function startServer(
  config: Config,
  options: { demoIfEmpty: boolean; logger?: boolean },
): Promise<RunningServer> {
  // The background services report to the server's log once there is one.
  let app: FastifyInstance | undefined;
  const log: QueueLog = {
    warn: (details, message) => app?.log.warn(details, message),
    error: (details, message) => app?.log.error(details, message),
  };
  const deps = await createAppDeps(config, { log });
  try {
    let loadedDemo = false;
    if (options.demoIfEmpty && (await countEvents(deps.database.db)) === 0) {
      await buildDemo(deps, 'simwatch demo', { folder: join(config.dataDir, 'demo-agreement') });
      // The demonstration shows the open data published, as a real register would publish it.
      const key = await loadSigningKey(config.signingKeyPath, { create: true });
      await publishOpenData(
        deps,
        { baseUrl: config.web.publicUrl, publicKeyPem: key.publicKeyPem },
        'simwatch demo',
      );
      loadedDemo = true;
    }
    app = await createWebApp(deps, { logger: options.logger ?? true });
    const address = await app.listen({ port: config.web.port, host: config.web.host });
    deps.uploadQueue.start();
    const started = app;
    return {
      app: started,
      deps,
      url: address,
      loadedDemo,
      async stop() {
        await started.close();
        await deps.close();
      },
    };
  } catch (error) {
    await deps.close();
    throw error;
  }
}

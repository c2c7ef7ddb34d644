import type { FastifyInstance } from 'fastify';

import { createAppDeps, type AppDeps } from '../app/create-app-deps.js';
import type { Config } from '../config/load-config.js';
import { buildDemo } from '../demo/build-demo.js';
import { countEvents } from '../register/ledger/record-reads.js';
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
 * asked and the register is empty, and serves the web app on the configured host and port.
 */
export async function startServer(
  config: Config,
  options: { demoIfEmpty: boolean; logger?: boolean },
): Promise<RunningServer> {
  const deps = await createAppDeps(config);
  try {
    let loadedDemo = false;
    if (options.demoIfEmpty && (await countEvents(deps.database.db)) === 0) {
      await buildDemo(deps, 'simwatch demo');
      loadedDemo = true;
    }
    const app = await createWebApp(deps, { logger: options.logger ?? true });
    const address = await app.listen({ port: config.web.port, host: config.web.host });
    return {
      app,
      deps,
      url: address,
      loadedDemo,
      async stop() {
        await app.close();
        await deps.close();
      },
    };
  } catch (error) {
    await deps.close();
    throw error;
  }
}

import { existsSync } from 'node:fs';
import { it } from 'vitest';
import { createAppDeps } from '../app/create-app-deps.js';
import { loadConfig } from '../config/load-config.js';
import { buildDemo } from '../demo/build-demo.js';

it('builds an exploration register', async () => {
  const dir = '/tmp/simwatch-search-demo';
  const fresh = !existsSync(`${dir}/simwatch.db`);
  const deps = await createAppDeps(loadConfig({ SIMWATCH_DATA_DIR: dir }));
  if (fresh) await buildDemo(deps, 'demo');
  await deps.close();
}, 120000);

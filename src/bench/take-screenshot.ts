// `npm run screenshot`: the README's picture of the demonstration site, taken in real Chromium
// (Debian's, at /usr/bin/chromium, or SIMWATCH_CHROMIUM) on a fresh demonstration register.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

import { loadConfig } from '../config/load-config.js';
import { startServer } from '../web/start-server.js';

const out = fileURLToPath(new URL('../../docs/screenshot.png', import.meta.url));

/** Serves the demonstration register and saves a screenshot of its organisations page. */
async function takeScreenshot(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-screenshot-'));
  const config = loadConfig({
    ...process.env,
    SIMWATCH_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: '',
  });
  const server = await startServer(config, { demoIfEmpty: true, logger: false });
  const browser = await chromium.launch({
    executablePath: process.env.SIMWATCH_CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1024, height: 720 } });
    await page.goto(`${server.url}/organisations`);
    await page.screenshot({ path: out });
    console.log(`Saved ${out}`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await takeScreenshot();

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { activationRefusal } from '../../register/models/model-activation.js';
import { writeSyntheticCorpus } from '../../register/models/test-support/synthetic-corpus.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  tabTo,
  watchForPageErrors,
  type TestServer,
} from '../test-support/browser.js';

/** Checks the page as it is now: no axe-core violations and no blocked script or error. */
async function expectAccessible(page: Page, errors: string[]): Promise<void> {
  expect(await findAxeViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
}

describe('the screening model and a finding, in the browser', () => {
  let server: TestServer;
  let trainingServer: TestServer;
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'simwatch-browser-model-'));
    const corpus = await writeSyntheticCorpus(folder);
    server = await startTestServer();
    // No reviewer has decided anything in this register, so the new model cannot be worse than
    // the one in use on the same passages, and it is made active.
    trainingServer = await startTestServer({
      demo: false,
      env: { SIMWATCH_TRAINING_CORPUS: corpus.path },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
    await trainingServer.cleanUp();
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'an administrator retrains the model through the form, with the keyboard alone, and sees it in use',
    { timeout: 300_000 },
    async () => {
      const page = await (
        await browser.newContext({ viewport: { width: 1280, height: 900 } })
      ).newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, trainingServer.baseUrl, 'ada');
      await page.goto(`${trainingServer.baseUrl}/workspace`);
      await tabTo(page, 'a[href="/workspace/model"]');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => url.pathname === '/workspace/model');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(
        'The screening model',
      );
      const before = (await page.locator('main').textContent()) ?? '';
      expect(before).toContain('Every labelled passage');
      expect(before).toContain('How well the estimates match what came true');
      await expectAccessible(page, errors);

      await tabTo(page, 'form[action="/workspace/model/training"] button');
      await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      const checkAgain = page.getByRole('link', { name: 'Check again' });
      // Training may already have finished on a fast machine; then there is nothing to check.
      if ((await checkAgain.count()) > 0) {
        expect(await page.locator('main').textContent()).toContain('The model is being trained.');
        await expectAccessible(page, errors);
      }
      // A person follows "Check again" until training ends (each a plain link: no script needed).
      const deadline = Date.now() + 240_000;
      while ((await checkAgain.count()) > 0 && Date.now() < deadline) {
        await page.waitForTimeout(2_000);
        await tabTo(page, '[data-training-check-again]');
        await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
      }
      const text = (await page.locator('main').textContent()) ?? '';
      const version = trainingServer.deps.engine().modelVersion;
      expect(text).toContain(`Model ${version} is now in use`);
      expect(text).toContain(`Screening uses model ${version}, the register’s active model.`);
      expect(text).toContain('1 model made active');
      await expectAccessible(page, errors);
    },
  );

  it('an administrator sees a refused model as refused, with both figures', async () => {
    const message =
      activationRefusal({
        candidateVersion: 'candidate',
        candidateMacroF1: 0.38,
        inUseVersion: 'shipped',
        inUseReviewedFindings: 0,
        baselineMacroF1: 0.41,
      }) ?? '';
    const refusing = await startTestServer({
      demo: false,
      env: { SIMWATCH_TRAINING_CORPUS: join(folder, 'synthetic.jsonl') },
      trainModel: () =>
        Promise.resolve({ kind: 'failed', error: { code: 'model_not_better', message } }),
    });
    try {
      const page = await (await browser.newContext()).newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, refusing.baseUrl, 'ada');
      await page.goto(`${refusing.baseUrl}/workspace/model`);
      await Promise.all([
        page.waitForEvent('load'),
        page.getByRole('button', { name: 'Train the model again' }).click(),
      ]);
      await refusing.deps.modelTraining.idle();
      await page.reload();
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text).toContain('The new model was not made active');
      expect(text).toContain('was 38.0%, below 41.0%');
      await expectAccessible(page, errors);
    } finally {
      await refusing.cleanUp();
    }
  });

  it(
    'a reviewer reads a finding with the passage at the top and the model’s reasons, using the keyboard',
    { timeout: 120_000 },
    async () => {
      const page = await (
        await browser.newContext({ viewport: { width: 1280, height: 900 } })
      ).newPage();
      const errors = watchForPageErrors(page);
      await signIn(page, server.baseUrl, 'rita');
      await page.goto(`${server.baseUrl}/workspace/findings`);
      expect(await page.locator('main').textContent()).toMatch(
        /The (model’s estimate: \d+%|rules’ strength)/,
      );
      await expectAccessible(page, errors);

      await tabTo(page, '[data-triage-link]');
      await page.keyboard.press('Enter');
      await page.waitForURL((url) => /^\/workspace\/findings\/\d+$/.test(url.pathname));
      const passage = await page.locator('main mark').first().boundingBox();
      // A 900-pixel-high window shows at least its first lines without scrolling.
      expect(passage?.y, 'the passage starts within the first screen').toBeLessThan(800);
      const text = (await page.locator('main').textContent()) ?? '';
      for (const words of [
        'What screening made of it',
        'Why it is a candidate',
        'The most similar passage',
      ])
        expect(text).toContain(words);
      await expectAccessible(page, errors);

      // The most similar passage can be reached and followed from the keyboard.
      const similarLink = page.locator('#similar ~ p a[href^="/workspace/findings/"]').first();
      if ((await similarLink.count()) > 0) {
        const href = await similarLink.getAttribute('href');
        await tabTo(page, `#similar ~ p a[href="${href ?? ''}"]`);
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === href);
        await expectAccessible(page, errors);
      } else {
        await tabTo(page, 'a[rel~="noopener"]');
      }
    },
  );
});

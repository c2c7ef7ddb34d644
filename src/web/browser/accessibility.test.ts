import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

import {
  findAxeViolations,
  launchBrowser,
  phoneViewport,
  signIn,
  startTestServer,
  watchForPageErrors,
  type TestServer,
} from '../test-support/browser.js';

/** A page to check: where it is, who looks at it, and what to do first (fill a form wrongly...). */
interface PageCheck {
  name: string;
  path: string;
  as?: string;
  prepare?: (page: Page) => Promise<void>;
}

const submitEmpty = (button: string) => async (page: Page) => {
  await page.getByRole('button', { name: button }).click();
  await page.waitForLoadState('load');
};

const pages: PageCheck[] = [
  { name: 'sign-in', path: '/sign-in' },
  { name: 'sign-in with errors', path: '/sign-in', prepare: submitEmpty('Sign in') },
  { name: 'page not found', path: '/no-such-page' },
];

describe('every page passes axe-core (WCAG 2.2 A and AA) and runs no blocked script', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
  });

  for (const check of pages)
    for (const viewport of [
      { name: 'desktop', size: { width: 1280, height: 900 } },
      { name: 'phone', size: phoneViewport },
    ])
      it(`${check.name} (${viewport.name}${check.as ? `, signed in as ${check.as}` : ''})`, async () => {
        const context = await browser.newContext({ viewport: viewport.size });
        const page = await context.newPage();
        try {
          if (check.as) await signIn(page, server.baseUrl, check.as);
          const errors = watchForPageErrors(page);
          await page.goto(`${server.baseUrl}${check.path}`);
          if (check.prepare) await check.prepare(page);
          expect(await findAxeViolations(page)).toEqual([]);
          expect(errors.filter((error) => !error.includes('status of 4'))).toEqual([]);
          if (viewport.name === 'phone') {
            const overflow = await page.evaluate(
              'document.documentElement.scrollWidth - document.documentElement.clientWidth',
            );
            expect(overflow, 'the page scrolls sideways at phone width').toBeLessThanOrEqual(0);
          }
        } finally {
          await context.close();
        }
      });
});

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { chromium, type Browser, type Page } from 'playwright-core';

import type { TestDatabase } from '../../test-support/register-databases.js';
import type { TrainModel } from '../../app/model-training/model-training.js';
import { createTestWebApp, testPassword, type TestWebApp } from './web-test-app.js';

/** Debian's Chromium, which `.ci/run` installs (`npx playwright install` cannot download here). */
export const chromiumPath = process.env.SIMWATCH_CHROMIUM ?? '/usr/bin/chromium';

/** A phone's viewport, for the checks at phone width. */
export const phoneViewport = { width: 375, height: 740 };

/** Starts Chromium headless with the flags this machine needs (no sandbox as root, no network). */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(chromiumPath))
    throw new Error(
      `The browser tests need Chromium at ${chromiumPath}: install Debian's chromium package (apt-get install chromium), or set SIMWATCH_CHROMIUM`,
    );
  return chromium.launch({
    executablePath: chromiumPath,
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
}

/** The web app on a fresh demonstration register, listening on a free local port. */
export interface TestServer extends TestWebApp {
  baseUrl: string;
}

/**
 * Starts the app (test accounts, and the demonstration register unless `demo` is false) on
 * 127.0.0.1 and a free port, with any settings given in `env`.
 */
export async function startTestServer(
  options: {
    database?: TestDatabase;
    env?: Record<string, string>;
    demo?: boolean;
    trainModel?: TrainModel;
    /** The app's clock (tests of what changes with the day). */
    now?: () => Date;
  } = {},
): Promise<TestServer> {
  const web = await createTestWebApp({ demo: true, ...options });
  const baseUrl = await web.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...web, baseUrl };
}

/** Signs in through the sign-in page, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(testPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The WCAG 2.2 A and AA rules (and those of 2.0 and 2.1 they include). */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** One axe-core violation, reduced to what a failing test should print. */
export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core's WCAG 2.2 A and AA rules on the page as it is now. axe is evaluated through the
 * browser's debugging protocol, so the page's Content Security Policy stays in force.
 */
export async function findAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    interface AxeResult {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[] }[];
      }[];
    }
    const axe = (
      globalThis as unknown as {
        axe: { run(context: unknown, options: unknown): Promise<AxeResult> };
      }
    ).axe;
    const result = await axe.run('html', { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  }, wcagTags);
}

/** Collects what the browser reports as Content Security Policy violations or script errors. */
export function watchForPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`script error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** Presses Tab until the element matching `target` has the focus, as a keyboard user would. */
export async function tabTo(page: Page, target: string, maxPresses = 80): Promise<void> {
  for (let presses = 0; presses < maxPresses; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      `document.activeElement?.matches(${JSON.stringify(target)}) ?? false`,
    );
    if (focused === true) return;
  }
  throw new Error(`Could not reach ${target} with the Tab key`);
}

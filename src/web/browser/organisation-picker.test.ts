import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findDocumentDetails } from '../../register/documents/documents-repository.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support/browser.js';
import { fictionalOrganisations } from '../test-support/organisation-picker.js';

/** The demonstration document the tests correct, and the organisation it is about. */
const documentId = 1;
const label = 'Which organisations is it about?';
/** The most a form choosing organisations may take, at 1280 px wide, with ~180 organisations. */
const maxHeight = 3000;

async function pageHeight(page: Page): Promise<number> {
  return Number(await page.evaluate('document.documentElement.scrollHeight'));
}

async function storedCodes(server: TestServer): Promise<string[]> {
  const document = await findDocumentDetails(server.deps.database.db, documentId);
  return (document?.organisations ?? []).map((organisation) => organisation.code).sort();
}

describe('the organisation picker, with a register of real size', () => {
  let server: TestServer;
  let browser: Browser;
  const heights: Record<string, number> = {};
  beforeAll(async () => {
    server = await startTestServer();
    await importOrganisations(server.deps, fictionalOrganisations(), 'rita');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    // The figures for the report: every organisation form's height at 1280 px.
    console.info('Organisation form heights at 1280 px:', heights);
    await browser.close();
    await server.cleanUp();
  });

  it(
    'with JavaScript: typing part of a name filters, the keyboard chooses and removes, and the form stores the choice',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, server.baseUrl, 'rita');
      for (const path of [
        '/workspace/uploads',
        '/workspace/assurances/new',
        '/workspace/returns/new',
        '/workspace/organisations/DEMO-T01/edit',
      ]) {
        await page.goto(`${server.baseUrl}${path}`);
        heights[`${path} (JavaScript)`] = await pageHeight(page);
        expect(await pageHeight(page)).toBeLessThan(maxHeight);
        expect(await findAxeViolations(page)).toEqual([]);
      }

      await page.goto(`${server.baseUrl}/workspace/documents/${documentId}`);
      heights['/workspace/documents/1 (JavaScript)'] = await pageHeight(page);
      expect(await pageHeight(page)).toBeLessThan(maxHeight);
      const combobox = page.getByRole('combobox', { name: label });
      // The organisation the document is about already shows as chosen.
      const before = await storedCodes(server);
      expect(before).toEqual(['DEMO-HIN1', 'DEMO-T01']);
      const chosenHin = page.getByRole('button', { name: /^Remove .*\(DEMO-HIN1\)/ });
      await chosenHin.waitFor();

      // Part of a name, in another case, from the middle: only matching organisations are offered.
      await combobox.fill('ELMSHAW 1 CONST');
      const listbox = page.getByRole('listbox');
      await expect.poll(() => listbox.getByRole('option').count()).toBe(1);
      expect(await combobox.getAttribute('aria-expanded')).toBe('true');
      expect(await findAxeViolations(page)).toEqual([]);
      await combobox.press('ArrowDown');
      expect(await combobox.getAttribute('aria-activedescendant')).toBeTruthy();
      await combobox.press('Enter');
      expect(await combobox.getAttribute('aria-expanded')).toBe('false');
      await page.getByRole('button', { name: /^Remove .*\(FIC-POL05\)/ }).waitFor();
      await expect
        .poll(() => page.getByRole('status').textContent())
        .toMatch(/FIC-POL05\) chosen\. 3 organisations chosen\./);

      // A code finds its organisation too; the second of two matches is a second arrow press.
      await combobox.fill('fic-men0');
      await expect.poll(() => listbox.getByRole('option').count()).toBe(9);
      await combobox.press('ArrowDown');
      await combobox.press('ArrowDown');
      await combobox.press('Enter');
      await page.getByRole('button', { name: /^Remove .*\(FIC-MEN02\)/ }).waitFor();

      // Removing by keyboard: Shift+Tab from the input reaches the chosen organisations.
      await chosenHin.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => chosenHin.count()).toBe(0);
      expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('combobox');
      expect(await findAxeViolations(page)).toEqual([]);

      await page.getByLabel('Why are you correcting it?').fill('It is about the police force');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'document-corrected');
      expect(await storedCodes(server)).toEqual(['DEMO-T01', 'FIC-MEN02', 'FIC-POL05']);
      await context.close();
    },
  );

  it(
    'without JavaScript: the select is short, grouped by kind, and sends the options chosen',
    { timeout: 120_000 },
    async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await signIn(page, server.baseUrl, 'rita');
      for (const path of [
        '/workspace/uploads',
        '/workspace/assurances/new',
        '/workspace/returns/new',
        `/workspace/documents/${documentId}`,
      ]) {
        await page.goto(`${server.baseUrl}${path}`);
        heights[`${path} (no JavaScript)`] = await pageHeight(page);
        expect(await pageHeight(page)).toBeLessThan(maxHeight);
      }
      const select = page.getByLabel(label);
      expect(
        await Promise.all(
          (await select.locator('optgroup').all()).map((group) => group.getAttribute('label')),
        ),
      ).toEqual([
        'Mental health trust',
        'Police force',
        'Integrated care board',
        'Health innovation network',
        'Other organisation',
      ]);
      await select.selectOption(['DEMO-HIN1', 'FIC-INT07']);
      await page
        .getByLabel('Why are you correcting it?')
        .fill('It is about the trust and its board');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.waitForURL((url) => url.searchParams.get('done') === 'document-corrected');
      expect(await storedCodes(server)).toEqual(['DEMO-HIN1', 'FIC-INT07']);

      // A mistake shows the form again with the error, the choice kept.
      await page.goto(`${server.baseUrl}/workspace/documents/${documentId}`);
      await page.getByLabel(label).selectOption([]);
      await page.getByLabel('Why are you correcting it?').fill('Testing');
      await page.getByRole('button', { name: 'Save the correction' }).click();
      await page.locator('.nhsuk-error-summary').waitFor();
      expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
        'Choose at least one organisation',
      );
      await context.close();
    },
  );

  it(
    'without its script, the plain select of each form passes axe',
    { timeout: 120_000 },
    async () => {
      // axe needs JavaScript in the page, so here only the site's own scripts are kept out.
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.route('**/assets/simwatch/js/**', (route) => route.abort());
      const page = await context.newPage();
      await signIn(page, server.baseUrl, 'rita');
      for (const path of [
        '/workspace/uploads',
        '/workspace/assurances/new',
        '/workspace/returns/new',
        `/workspace/documents/${documentId}`,
        '/workspace/organisations/DEMO-T01/edit',
      ]) {
        await page.goto(`${server.baseUrl}${path}`);
        expect(await page.locator('select[data-simwatch-picker]').isVisible()).toBe(true);
        expect(await findAxeViolations(page)).toEqual([]);
      }
      await context.close();
    },
  );
});

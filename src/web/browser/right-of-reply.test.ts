import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { statusLabels } from '../../register/status/index.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support/browser.js';
import { chooseOrganisation } from '../test-support/organisation-picker.js';

/** The status and the words under "Why this status?" on an organisation's public page. */
async function whyThisStatus(page: Page, server: TestServer, code: string): Promise<string> {
  await page.goto(`${server.baseUrl}/organisations/${code}`);
  const status = (await page.locator('.simwatch-status').textContent()) ?? '';
  const reasons = (await page.locator('.simwatch-reasons').textContent()) ?? '';
  return `${status}\n${reasons}`;
}

/** Fills a date input by its name, as a person types the day, month and year. */
async function typeDate(page: Page, name: string, [day, month, year]: string[]): Promise<void> {
  await page.locator(`input[name="${name}[day]"]`).fill(day ?? '');
  await page.locator(`input[name="${name}[month]"]`).fill(month ?? '');
  await page.locator(`input[name="${name}[year]"]`).fill(year ?? '');
}

/** Fills and sends the workspace's response form. */
async function recordResponse(
  page: Page,
  server: TestServer,
  response: { organisation: string; answers: string; text: string; assurance?: string },
): Promise<void> {
  await page.goto(`${server.baseUrl}/workspace/responses/new`);
  expect(await findAxeViolations(page)).toEqual([]);
  await chooseOrganisation(page, 'Organisation', response.organisation);
  await page.getByLabel('Who sent it?').fill('Pat Doe');
  await page.getByLabel('Their role at the organisation').fill('Medical Director');
  await typeDate(page, 'receivedOn', ['2', '11', '2026']);
  await page.getByLabel('What does it answer?').fill(response.answers);
  await page.getByLabel('What does it say?').fill(response.text);
  if (response.assurance) await page.getByRole('radio', { name: response.assurance }).check();
  await page.getByRole('button', { name: 'Record the response' }).click();
  await page.waitForURL((url) => url.searchParams.get('done') === 'response-recorded');
  expect(await findAxeViolations(page)).toEqual([]);
}

describe('right of reply, corrections and submissions, in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let folder: string;
  let rita: Page;
  let visitor: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    folder = await mkdtemp(join(tmpdir(), 'simwatch-reply-'));
    rita = await (await browser.newContext()).newPage();
    await signIn(rita, server.baseUrl, 'rita');
    visitor = await (await browser.newContext()).newPage();
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
    await rm(folder, { recursive: true, force: true });
  });

  it('shows crisis support on the home page, an organisation page and a page not found', async () => {
    for (const path of ['/', '/organisations/DEMO-T01', '/no-such-page']) {
      await visitor.goto(`${server.baseUrl}${path}`);
      const region = visitor.getByRole('complementary', { name: 'If you need help now' });
      expect(await region.textContent()).toContain('Samaritans');
      expect(await region.getByRole('link', { name: '116 123' }).getAttribute('href')).toBe(
        'tel:116123',
      );
      expect(await region.getByRole('link', { name: '111' }).getAttribute('href')).toBe('tel:111');
      expect(await region.getByRole('link', { name: '999' }).getAttribute('href')).toBe('tel:999');
      expect(await findAxeViolations(visitor)).toEqual([]);
    }
  });

  it(
    'a response recorded in the workspace appears beside the evidence on the public page',
    { timeout: 120_000 },
    async () => {
      const finding = await server.deps.database.db
        .selectFrom('findings')
        .innerJoin(
          'document_organisations',
          'document_organisations.document_id',
          'findings.document_id',
        )
        .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
        .select('findings.id')
        .where('organisations.code', '=', 'DEMO-T02')
        .where('findings.status', '=', 'confirmed')
        .orderBy('findings.id')
        .executeTakeFirstOrThrow();
      await recordResponse(rita, server, {
        organisation: 'DEMO-T02',
        answers: `finding ${finding.id}`,
        text: 'The officer attended one meeting as a guest speaker.',
      });
      await visitor.goto(`${server.baseUrl}/organisations/DEMO-T02`);
      const entry = visitor.locator(`#finding-${finding.id}`);
      const response = entry.getByTestId('response');
      expect(await response.textContent()).toContain(
        'Response from Kestrelford Healthcare NHS Foundation Trust, received 2 November 2026:',
      );
      expect(await response.textContent()).toContain('guest speaker');
      expect(await findAxeViolations(visitor)).toEqual([]);
    },
  );

  it(
    'a response marked as an assurance changes the organisation’s status',
    { timeout: 120_000 },
    async () => {
      const before = await whyThisStatus(visitor, server, 'DEMO-T06');
      expect(before).toContain(statusLabels.not_yet_reviewed);
      const document = await server.deps.database.db
        .selectFrom('document_organisations')
        .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
        .select('document_organisations.document_id')
        .where('organisations.code', '=', 'DEMO-T06')
        .orderBy('document_organisations.document_id')
        .executeTakeFirstOrThrow();
      await recordResponse(rita, server, {
        organisation: 'DEMO-T06',
        answers: `document ${document.document_id}`,
        text: 'The trust has never used SIM or any similar model.',
        assurance: 'They have never used SIM or a SIM-type model',
      });
      const after = await whyThisStatus(visitor, server, 'DEMO-T06');
      expect(after).toContain(statusLabels.assured_not_used);
      expect(after).not.toEqual(before);
      expect(await findAxeViolations(visitor)).toEqual([]);
    },
  );

  it(
    'a document sent through the public form reaches the reviewers’ queue and is not public',
    { timeout: 180_000 },
    async () => {
      const file = join(folder, 'panel-minutes.txt');
      await writeFile(
        file,
        'Panel minutes\n\nA police officer attends the monthly high intensity user panel, and frequent callers cost the service over £200,000 a year.\n',
      );
      await visitor.goto(`${server.baseUrl}/`);
      await visitor.getByRole('link', { name: 'Send a document or a tip' }).click();
      expect(await findAxeViolations(visitor)).toEqual([]);
      await visitor.getByRole('radio', { name: 'A document' }).check();
      await visitor.getByLabel('The document').setInputFiles(file);
      await chooseOrganisation(visitor, 'Which organisation is it about?', 'DEMO-T05');
      await visitor.getByLabel('What should reviewers know?').fill('Minutes from a board pack.');
      await visitor.getByRole('button', { name: 'Send' }).click();
      await visitor
        .getByRole('heading', { name: 'Thank you: your document has been sent' })
        .waitFor();
      expect(await findAxeViolations(visitor)).toEqual([]);

      await server.deps.uploadQueue.idle();
      await rita.goto(`${server.baseUrl}/workspace/submissions`);
      expect(await findAxeViolations(rita)).toEqual([]);
      const submission = rita
        .getByTestId('submission')
        .filter({ hasText: 'Minutes from a board pack.' });
      const link = submission.getByRole('link', { name: /Read document \d+/ });
      const documentId = Number(/(\d+)$/.exec((await link.textContent()) ?? '')?.[1]);
      expect(documentId).toBeGreaterThan(0);
      await rita.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
      expect(await rita.locator('main').textContent()).toContain(
        'Document sent in through the public form',
      );

      const outsider = await visitor.goto(`${server.baseUrl}/documents/${documentId}`);
      expect(outsider?.status()).toBe(404);
      await visitor.goto(`${server.baseUrl}/organisations/DEMO-T05`);
      expect(await visitor.locator(`a[href="/documents/${documentId}"]`).count()).toBe(0);
    },
  );

  it('a tip is stored for reviewers only', { timeout: 60_000 }, async () => {
    await visitor.goto(`${server.baseUrl}/submit`);
    await visitor.getByRole('radio', { name: /A tip/ }).check();
    await visitor
      .getByLabel('What should reviewers know?')
      .fill('Ask Brackenmoor for its panel terms of reference.');
    await visitor.getByLabel('Web address (optional)').fill('https://example.org/panel');
    await visitor.getByRole('button', { name: 'Send' }).click();
    await visitor.getByRole('heading', { name: 'Thank you: your tip has been sent' }).waitFor();
    await rita.goto(`${server.baseUrl}/workspace/submissions`);
    expect(await rita.locator('main').textContent()).toContain(
      'Ask Brackenmoor for its panel terms of reference.',
    );
  });

  it(
    'the corrections form sends a report, then says when too many have been sent',
    { timeout: 90_000 },
    async () => {
      await visitor.goto(`${server.baseUrl}/organisations/DEMO-T03`);
      await visitor.getByRole('link', { name: 'Report an error on this page' }).click();
      expect(await findAxeViolations(visitor)).toEqual([]);
      expect(await visitor.getByLabel('Which page or evidence is wrong?').inputValue()).toBe(
        '/organisations/DEMO-T03',
      );
      await visitor.getByLabel('What is wrong?').fill('The board paper is dated 2022.');
      await visitor.getByRole('button', { name: 'Send the report' }).click();
      await visitor
        .getByRole('heading', { name: 'Thank you: your report has been sent' })
        .waitFor();
      await rita.goto(`${server.baseUrl}/workspace/corrections`);
      expect(await findAxeViolations(rita)).toEqual([]);
      expect(await rita.locator('main').textContent()).toContain('The board paper is dated 2022.');

      let refused = false;
      for (let attempt = 0; attempt < 6 && !refused; attempt += 1) {
        await visitor.goto(`${server.baseUrl}/corrections`);
        await visitor.getByLabel('Which page or evidence is wrong?').fill('/');
        await visitor.getByLabel('What is wrong?').fill(`Report ${attempt}`);
        await visitor.getByRole('button', { name: 'Send the report' }).click();
        await visitor.waitForLoadState('load');
        refused = (await visitor.locator('h1').textContent()) === 'Too many attempts';
      }
      expect(refused).toBe(true);
      expect(await visitor.locator('main').textContent()).toContain(
        'You have sent a report 5 times in the last hour',
      );
      expect(
        await visitor.getByRole('complementary', { name: 'If you need help now' }).count(),
      ).toBe(1);
      expect(await findAxeViolations(visitor)).toEqual([]);
    },
  );
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderDemoPdf } from '../../demo/render-demo-pdf.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { deriveStatus, statusLabels } from '../../register/status/index.js';
import {
  launchBrowser,
  signIn,
  startTestServer,
  tabTo,
  type TestServer,
} from '../test-support/browser.js';
import { chooseOrganisation } from '../test-support/organisation-picker.js';

/** The organisation the uploaded evidence is about: in the demo it has nothing recorded yet. */
const organisationCode = 'DEMO-T06';
/** A passage the model finds with room to spare (an estimate well above the threshold). */
const evidenceSentence =
  'The police officer seconded to the crisis team co-produces the care and response plan of each high intensity user with the care coordinator.';

async function statusLabelOf(server: TestServer): Promise<string> {
  const [facts] = await loadOrganisationFacts(server.deps.database.db, organisationCode);
  if (!facts) throw new Error(`${organisationCode} is not in the demo register`);
  return statusLabels[deriveStatus(facts).status];
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL((url) => url.pathname === '/');
}

describe('reviewing in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    folder = await mkdtemp(join(tmpdir(), 'simwatch-browser-'));
  });
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'a reviewer uploads a PDF and confirms a finding, a second reviewer confirms it, and the public page shows the evidence and the new status',
    { timeout: 180_000 },
    async () => {
      const before = await statusLabelOf(server);
      const pdf = join(folder, 'care-planning-protocol.pdf');
      await writeFile(
        pdf,
        await renderDemoPdf(
          [
            {
              heading: 'Purpose',
              paragraphs: ['This protocol sets out how care plans are agreed.'],
            },
            { heading: 'Care planning meetings', paragraphs: [evidenceSentence] },
          ],
          {
            title: 'Care planning protocol',
            date: '2026-10-01',
            banner: 'Fictional test document',
          },
        ),
      );

      const first = await (await browser.newContext()).newPage();
      await signIn(first, server.baseUrl, 'rita');
      await first.goto(`${server.baseUrl}/workspace/uploads`);
      await first.getByLabel('Documents').setInputFiles(pdf);
      await first.getByLabel('Type of document').selectOption({ index: 1 });
      await chooseOrganisation(first, 'Which organisations is it about?', organisationCode);
      await first.getByRole('radio', { name: 'Yes' }).check();
      await first.getByRole('button', { name: 'Upload and screen' }).click();
      // The progress page follows screening (JavaScript polls) and then links to the findings.
      const findingsLink = first.getByRole('link', { name: /in the triage queue/ });
      await findingsLink.waitFor({ timeout: 60_000 });
      await findingsLink.click();
      const finding = first.locator('[data-triage-link]').first();
      await expect.poll(() => finding.count()).toBeGreaterThan(0);
      await finding.click();
      await expect.poll(() => first.locator('main').textContent()).toContain('police officer');
      const findingUrl = first.url();
      await first.getByRole('button', { name: 'Confirm' }).click();
      await first.waitForURL((url) => url.toString() !== findingUrl);
      await signOut(first);

      // The second reviewer works without JavaScript: every form still works.
      const secondContext = await browser.newContext({ javaScriptEnabled: false });
      const second = await secondContext.newPage();
      await signIn(second, server.baseUrl, 'sam');
      await second.goto(findingUrl);
      await expect.poll(() => second.locator('main').textContent()).toContain('1 of 2');
      await second.getByRole('button', { name: 'Confirm' }).click();
      await second.waitForURL((url) => url.toString() !== findingUrl);
      await second.goto(findingUrl);
      await expect.poll(() => second.locator('main').textContent()).toContain('Confirmed');

      const after = await statusLabelOf(server);
      expect(after).not.toBe(before);
      const visitor = await (await browser.newContext()).newPage();
      await visitor.goto(`${server.baseUrl}/organisations/${organisationCode}`);
      const text = (await visitor.locator('main').textContent()) ?? '';
      expect(text).toContain(after);
      expect(text).toContain('police officer seconded to the crisis team co-produces the care');
      const evidenceLink = visitor.locator('main a[href*="/documents/"][href*="#page-"]').first();
      expect(await evidenceLink.count()).toBe(1);
    },
  );

  it('two reviewers triage a finding with the keyboard alone', { timeout: 120_000 }, async () => {
    const pending = await server.deps.database.db
      .selectFrom('findings')
      .select('id')
      .where('status', '=', 'pending')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const findingPath = `/workspace/findings/${pending.id}`;

    // The first reviewer uses the shortcuts: j to the first finding in the queue, Enter, c.
    const first = await (await browser.newContext()).newPage();
    await signIn(first, server.baseUrl, 'rita');
    await first.goto(`${server.baseUrl}/workspace/findings`);
    // The shortcuts' help shows once the enhancement has loaded.
    await first.locator('[data-triage-help]').waitFor();
    await first.keyboard.press('j');
    await expect
      .poll(() => first.evaluate('document.activeElement?.getAttribute("href") ?? ""'))
      .toBe(findingPath);
    await first.keyboard.press('Enter');
    await first.waitForURL((url) => url.pathname === findingPath);
    await first.locator('[data-triage-help]').waitFor();
    await first.keyboard.press('c');
    await first.waitForURL((url) => url.pathname !== findingPath);

    // The second reviewer uses only Tab and Enter.
    const second = await (await browser.newContext()).newPage();
    await signIn(second, server.baseUrl, 'sam');
    await second.goto(`${server.baseUrl}${findingPath}`);
    await tabTo(second, '[data-triage-confirm]');
    await second.keyboard.press('Enter');
    await second.waitForURL((url) => url.pathname !== findingPath);

    const row = await server.deps.database.db
      .selectFrom('findings')
      .select('status')
      .where('id', '=', pending.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderDemoPdf } from '../../demo/render-demo-pdf.js';
import { recordAssurance } from '../../register/assurances/assurances-service.js';
import { findDocumentDetails } from '../../register/documents/documents-repository.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { statusLabels } from '../../register/status/index.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support/browser.js';
import { chooseOrganisation } from '../test-support/organisation-picker.js';

/** In the demo register this organisation has nothing recorded yet. */
const organisationCode = 'DEMO-T06';
/** A passage the model finds with room to spare. */
const evidenceSentence =
  'The police officer seconded to the crisis team co-produces the care and response plan of each high intensity user with the care coordinator.';
const contradicted = statusLabels.contradicted;

/** The words under "Why this status?" on an organisation's public page, read as a visitor. */
async function whyThisStatus(page: Page, server: TestServer): Promise<string> {
  await page.goto(`${server.baseUrl}/organisations/${organisationCode}`);
  const status = (await page.locator('.simwatch-status').textContent()) ?? '';
  const reasons = (await page.locator('.simwatch-reasons').textContent()) ?? '';
  return `${status}\n${reasons}`;
}

/** Fills the day, month and year boxes of the page's date input, as a person types them. */
async function typeDate(page: Page, day: string, month: string, year: string): Promise<void> {
  await page.getByLabel('Day', { exact: true }).fill(day);
  await page.getByLabel('Month', { exact: true }).fill(month);
  await page.getByLabel('Year', { exact: true }).fill(year);
}

describe("a document's date, from the upload form to the public status", () => {
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
    'keeps the date typed in the upload form, so confirmed evidence contradicts an earlier assurance; re-dating the document in the workspace changes the status',
    { timeout: 240_000 },
    async () => {
      await recordAssurance(
        server.deps,
        {
          organisationCode,
          givenOn: '2024-01-10',
          givenBy: 'Chief executive of the trust',
          scope: 'ended',
          scopeDate: '2023-12-31',
          text: 'We stopped using the high intensity scheme in 2023.',
          source: 'FOI 2024-117',
        },
        'rita',
      );
      const pdf = join(folder, 'crisis-team-protocol.pdf');
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
          { title: 'Crisis team protocol', date: '2025-06-15', banner: 'Fictional test document' },
        ),
      );

      // The upload, through the real form: every field as a person fills it.
      const rita = await (await browser.newContext()).newPage();
      await signIn(rita, server.baseUrl, 'rita');
      await rita.goto(`${server.baseUrl}/workspace/uploads`);
      expect(await findAxeViolations(rita)).toEqual([]);
      await rita.getByLabel('Documents').setInputFiles(pdf);
      await rita.getByLabel('Type of document').selectOption('policy');
      await chooseOrganisation(rita, 'Which organisations is it about?', organisationCode);
      await rita.getByLabel('Title (optional)').fill('Crisis team protocol');
      await typeDate(rita, '15', '6', '2025');
      await rita.getByRole('radio', { name: 'Yes' }).check();
      await rita.getByRole('button', { name: 'Upload and screen' }).click();
      const findingsLink = rita.getByRole('link', { name: /in the triage queue/ });
      await findingsLink.waitFor({ timeout: 90_000 });
      const href = (await findingsLink.getAttribute('href')) ?? '';
      const documentId = Number(/document=(\d+)/.exec(href)?.[1]);
      expect(documentId).toBeGreaterThan(0);
      expect(await findDocumentDetails(server.deps.database.db, documentId)).toMatchObject({
        title: 'Crisis team protocol',
        documentDate: '2025-06-15',
        organisations: [{ code: organisationCode }],
      });

      const visitor = await (await browser.newContext()).newPage();
      await visitor.goto(`${server.baseUrl}/documents/${documentId}`);
      expect(await visitor.locator('main').textContent()).toContain('15 June 2025');

      // Two reviewers confirm what screening found (the two-reviewer rule).
      const findings = (await listFindings(server.deps.database.db, { organisationCode })).filter(
        (finding) => finding.documentId === documentId,
      );
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) {
        await decideFinding(server.deps, {
          findingId: finding.id,
          reviewer: 'rita',
          decision: 'confirm',
        });
        await decideFinding(server.deps, {
          findingId: finding.id,
          reviewer: 'sam',
          decision: 'confirm',
        });
      }
      const dated2025 = await whyThisStatus(visitor, server);
      expect(dated2025).toContain(contradicted);
      expect(dated2025).toContain('Crisis team protocol');

      // The reviewer finds the cover was misread: the form on the document's workspace page,
      // reached from the document, corrects the date.
      await rita.goto(`${server.baseUrl}/documents/${documentId}`);
      await rita.getByRole('link', { name: "Correct this document's details" }).click();
      await rita.waitForURL((url) => url.pathname === `/workspace/documents/${documentId}`);
      expect(await findAxeViolations(rita)).toEqual([]);
      expect(await rita.getByLabel('Day', { exact: true }).inputValue()).toBe('15');
      await typeDate(rita, '1', '6', '2023');
      await rita.getByLabel('Why are you correcting it?').fill('The protocol is dated June 2023');
      await rita.getByRole('button', { name: 'Save the correction' }).click();
      await rita.waitForURL((url) => url.searchParams.get('done') === 'document-corrected');
      const history = (await rita.getByTestId('document-history').textContent()) ?? '';
      expect(history).toContain('by rita: The protocol is dated June 2023');
      expect(history).toContain('Date changed from 15 June 2025 to 1 June 2023');
      expect(await findAxeViolations(rita)).toEqual([]);

      const dated2023 = await whyThisStatus(visitor, server);
      expect(dated2023).not.toContain(contradicted);
      expect(dated2023).not.toEqual(dated2025);
      await visitor.goto(`${server.baseUrl}/documents/${documentId}`);
      const publicHistory = (await visitor.getByTestId('document-history').textContent()) ?? '';
      expect(publicHistory).toContain('Date changed from 15 June 2025 to 1 June 2023');
      expect(await findAxeViolations(visitor)).toEqual([]);
    },
  );
});

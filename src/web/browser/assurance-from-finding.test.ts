import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findAssuranceOfFinding } from '../../register/assurances/assurances-repository.js';
import { ingestDocument } from '../../register/documents/ingest-document.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support/browser.js';

const organisationCode = 'DEMO-T06';
const assurance =
  'We can confirm that the Trust has never used Serenity Integrated Mentoring (SIM) or any SIM-type model.';

describe('a confirmed assurance finding, recorded as an assurance in one step', () => {
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

  it(
    'offers the form once the finding is confirmed, fills it from the finding, and then links to the assurance',
    { timeout: 180_000 },
    async () => {
      const db = server.deps.database.db;
      const { documentId } = await ingestDocument(server.deps, {
        bytes: new TextEncoder().encode(`Statement to the board\n\n${assurance}\n`),
        fileName: 'board-statement.txt',
        organisationCodes: [organisationCode],
        docType: 'policy',
        documentDate: '2024-02-01',
        actor: 'rita',
      });
      const finding = (await listFindings(db, { organisationCode })).find(
        (each) => each.documentId === documentId && each.label === 'assurance',
      );
      if (!finding) throw new Error('Expected screening to find the assurance');

      const page = await (await browser.newContext()).newPage();
      await signIn(page, server.baseUrl, 'rita');
      const findingUrl = `${server.baseUrl}/workspace/findings/${finding.id}`;
      const offer = page.getByRole('button', { name: 'Record this as an assurance' });
      await page.goto(findingUrl);
      expect(await offer.count()).toBe(0);

      for (const reviewer of ['rita', 'sam'])
        await decideFinding(server.deps, { findingId: finding.id, reviewer, decision: 'confirm' });
      await page.goto(findingUrl);
      expect(await findAxeViolations(page)).toEqual([]);
      await offer.click();
      await page.waitForURL((url) => url.pathname.endsWith(`/findings/${finding.id}/assurance`));
      expect(await findAxeViolations(page)).toEqual([]);

      // Filled from the finding: the organisation, the date, the words, the document and page.
      await page
        .getByRole('button', { name: new RegExp(`^Remove .*\\(${organisationCode}\\)`) })
        .waitFor();
      expect(await page.getByLabel('Day', { exact: true }).first().inputValue()).toBe('1');
      expect(await page.getByLabel('Month', { exact: true }).first().inputValue()).toBe('2');
      expect(await page.getByLabel('Year', { exact: true }).first().inputValue()).toBe('2024');
      expect(await page.getByLabel('What does it say?').inputValue()).toContain(
        'never used Serenity Integrated Mentoring',
      );
      expect(await page.getByLabel('Document number in the register (optional)').inputValue()).toBe(
        String(documentId),
      );
      // A text file has no pages: the source is the document by its title.
      expect(await page.getByLabel('Web address or reference').inputValue()).toBe(
        'board statement',
      );

      // A mistake first: who gave it is for the reviewer to say.
      await page.getByRole('button', { name: 'Record the assurance' }).click();
      await page.locator('.nhsuk-error-summary').waitFor();
      expect(await page.locator('.nhsuk-error-summary').textContent()).toContain(
        'Enter who gave the assurance',
      );
      expect(await findAxeViolations(page)).toEqual([]);
      await page.getByLabel('Who gave it?').fill('The trust board');
      await page
        .getByRole('radio', { name: 'They have never used SIM or a SIM-type model' })
        .check();
      await page.getByRole('button', { name: 'Record the assurance' }).click();

      await page.waitForURL((url) => url.pathname === `/workspace/findings/${finding.id}`);
      const link = page.getByRole('link', { name: /an assurance given by/ });
      await link.waitFor();
      expect(await offer.count()).toBe(0);
      expect(await findAxeViolations(page)).toEqual([]);
      expect(await findAssuranceOfFinding(db, finding.id)).toMatchObject({ organisationCode });
      const row = await db
        .selectFrom('assurances')
        .selectAll()
        .where('finding_id', '=', finding.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        given_on: '2024-02-01',
        given_by: 'The trust board',
        scope: 'never_used',
        source_document_id: documentId,
        recorded_by: 'rita',
      });
      expect(row.text).toContain('never used Serenity Integrated Mentoring');

      // The form is not offered again, even at its address.
      const again = await page.goto(`${findingUrl}/assurance`);
      expect(again?.status()).toBe(409);
    },
  );
});

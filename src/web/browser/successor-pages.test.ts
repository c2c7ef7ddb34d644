import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { addTextDocument, northmoorPolicy } from '../../register/test-support/test-register.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import {
  findAxeViolations,
  launchBrowser,
  startTestServer,
  tabTo,
  type TestServer,
} from '../test-support/browser.js';
import { testUsers } from '../test-support/web-test-app.js';

describe('a closed trust and its successor, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    browser = await launchBrowser();
    await importOrganisations(
      server.deps,
      [
        { ...northmoorTrust, code: 'ZZT2', name: 'Westmoor Partnership NHS Trust' },
        {
          ...northmoorTrust,
          code: 'ZZP1',
          name: 'Oldmoor NHS Trust',
          opened: '2001-04-01',
          closed: '2026-03-31',
          successorCodes: ['ZZT2'],
        },
      ],
      'tester',
    );
    const documentId = await addTextDocument(server.deps, northmoorPolicy, {
      organisationCodes: ['ZZP1'],
    });
    for (const finding of await listFindings(server.deps.database.db))
      if (finding.documentId === documentId && finding.label !== 'assurance')
        for (const reviewer of [testUsers.reviewer, testUsers.secondReviewer])
          await decideFinding(server.deps, {
            findingId: finding.id,
            reviewer: reviewer.username,
            decision: 'confirm',
          });
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
  });

  it("goes by keyboard from the closed trust's page to its successor's, which shows the evidence labelled; both pass axe-core", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${server.baseUrl}/organisations/ZZP1`);
      const notice = page.getByTestId('closed-notice');
      await expect(notice.textContent()).resolves.toContain(
        'This organisation closed on 31 March 2026. Its work passed to Westmoor Partnership NHS Trust',
      );
      expect(await findAxeViolations(page)).toEqual([]);
      await tabTo(page, '[data-testid="closed-notice"] a');
      await page.keyboard.press('Enter');
      await page.waitForURL(`${server.baseUrl}/organisations/ZZT2`);
      await expect(page.locator('h1').textContent()).resolves.toBe(
        'Westmoor Partnership NHS Trust',
      );
      await expect(page.locator('#timeline ~ ol').textContent()).resolves.toContain(
        'About Oldmoor NHS Trust (ZZP1), which became part of Westmoor Partnership NHS Trust on 1 April 2026.',
      );
      await expect(page.locator('#timeline ~ ol').textContent()).resolves.toContain(
        'A specialist police officer joins the community mental health team',
      );
      await expect(page.getByTestId('predecessors').textContent()).resolves.toContain(
        'Oldmoor NHS Trust (ZZP1): closed on 31 March 2026; its work passed to this organisation',
      );
      expect(await findAxeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

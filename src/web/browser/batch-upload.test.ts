import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderDemoPdf } from '../../demo/render-demo-pdf.js';
import { findDocumentDetails } from '../../register/documents/documents-repository.js';
import { listUploadJobs } from '../../uploads/upload-jobs-repository.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support/browser.js';
import { chooseOrganisation } from '../test-support/organisation-picker.js';

const organisationCode = 'DEMO-T03';

describe('a batch upload, each file with its own title and date', () => {
  let server: TestServer;
  let browser: Browser;
  let folder: string;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    folder = await mkdtemp(join(tmpdir(), 'simwatch-batch-'));
  });
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'stages the files, asks for each title and date (suggested from the file names), and records each as given',
    { timeout: 240_000 },
    async () => {
      const minutes = join(folder, 'board-minutes-2024-03-15.txt');
      await writeFile(minutes, 'Minutes of the board meeting.\n\nThe board noted the report.\n');
      const protocol = join(folder, 'crisis_protocol.txt');
      await writeFile(
        protocol,
        'Crisis protocol.\n\nPeople in crisis are seen within four hours.\n',
      );
      const letter = join(folder, 'letter.pdf');
      await writeFile(
        letter,
        await renderDemoPdf(
          [{ heading: 'Letter', paragraphs: ['Thank you for your request for information.'] }],
          { title: 'Letter', date: '2025-01-20', banner: 'Fictional test document' },
        ),
      );

      const page = await (await browser.newContext()).newPage();
      await signIn(page, server.baseUrl, 'rita');
      await page.goto(`${server.baseUrl}/workspace/uploads`);
      await page.getByLabel('Documents').setInputFiles([minutes, protocol, letter]);
      await page.getByLabel('Type of document').selectOption('policy');
      await chooseOrganisation(page, 'Which organisations is it about?', organisationCode);
      await page.getByRole('radio', { name: 'Yes' }).check();
      await page.getByRole('button', { name: 'Upload and screen' }).click();

      // The second step: one group of fields per file, in the order sent, suggestions filled in.
      await page.waitForURL((url) => url.pathname === '/workspace/uploads/details');
      expect(await findAxeViolations(page)).toEqual([]);
      const file = (name: string) => page.getByRole('group', { name: new RegExp(name) }).first();
      const minutesGroup = file('board-minutes-2024-03-15.txt');
      expect(await minutesGroup.getByLabel('Title').inputValue()).toBe('board minutes 2024 03 15');
      expect(await minutesGroup.getByLabel('Day').inputValue()).toBe('15');
      expect(await minutesGroup.getByLabel('Month').inputValue()).toBe('3');
      expect(await minutesGroup.getByLabel('Year').inputValue()).toBe('2024');
      const protocolGroup = file('crisis_protocol.txt');
      expect(await protocolGroup.getByLabel('Title').inputValue()).toBe('crisis protocol');
      expect(await protocolGroup.getByLabel('Day').inputValue()).toBe('');
      const letterGroup = file('letter.pdf');

      // A mistake in one file's fields names that file; what was typed is kept.
      await minutesGroup.getByLabel('Title').fill('Board minutes, March 2024');
      await protocolGroup.getByLabel('Title').fill('');
      await protocolGroup.getByLabel('Day').fill('1');
      await protocolGroup.getByLabel('Year').fill('2023');
      await page.getByRole('button', { name: 'Add to the register and screen' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('Enter a title for crisis_protocol.txt');
      expect(await summary.textContent()).toContain(
        'The date of crisis_protocol.txt must include a month',
      );
      expect(await findAxeViolations(page)).toEqual([]);
      expect(await minutesGroup.getByLabel('Title').inputValue()).toBe('Board minutes, March 2024');

      await protocolGroup.getByLabel('Title').fill('Crisis team protocol');
      await protocolGroup.getByLabel('Month').fill('9');
      await letterGroup.getByLabel('Title').fill('Reply to an FOI request');
      await letterGroup.getByLabel('Day').fill('20');
      await letterGroup.getByLabel('Month').fill('1');
      await letterGroup.getByLabel('Year').fill('2025');
      await page.getByRole('button', { name: 'Add to the register and screen' }).click();
      await page.waitForURL((url) => url.pathname === '/workspace/uploads');
      expect(await findAxeViolations(page)).toEqual([]);

      const db = server.deps.database.db;
      await expect
        .poll(
          async () =>
            (await listUploadJobs(db, 'rita', { limit: 10 })).filter((job) => job.state === 'done')
              .length,
          { timeout: 120_000, interval: 500 },
        )
        .toBe(3);
      const stored: Record<string, unknown> = {};
      for (const job of await listUploadJobs(db, 'rita', { limit: 10 })) {
        const document = await findDocumentDetails(db, job.documentId ?? 0);
        stored[job.fileName] = {
          title: document?.title,
          documentDate: document?.documentDate,
          organisations: document?.organisations.map((organisation) => organisation.code),
        };
      }
      expect(stored).toEqual({
        'board-minutes-2024-03-15.txt': {
          title: 'Board minutes, March 2024',
          documentDate: '2024-03-15',
          organisations: [organisationCode],
        },
        'crisis_protocol.txt': {
          title: 'Crisis team protocol',
          documentDate: '2023-09-01',
          organisations: [organisationCode],
        },
        'letter.pdf': {
          title: 'Reply to an FOI request',
          documentDate: '2025-01-20',
          organisations: [organisationCode],
        },
      });
    },
  );
});

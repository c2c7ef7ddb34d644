import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ingestDocument } from '../../register/documents/ingest-document.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  tabTo,
  type TestServer,
} from '../test-support/browser.js';

/** Paragraphs the model finds (each describes a practice). */
const practices = [
  'Police officers attend the monthly high intensity panel to agree response plans for people who frequently contact emergency services.',
  'A named police officer attends every multidisciplinary care planning meeting for patients on the high intensity user list, and co-writes their care plans.',
  'The Trust and the Constabulary launched a Serenity Integrated Mentoring service this year for people who repeatedly call 999 in crisis.',
  'The police officer seconded to the crisis team co-produces the care and response plan of each high intensity user with the care coordinator.',
  // Two labels on one passage: police in care planning, and SIM by name.
  'Serenity Integrated Mentoring (SIM) was adopted by the Trust in 2019 and the SIM team now includes a police officer embedded in the community mental health team.',
];
const ordinary =
  'The car park will be resurfaced in March, and staff should park at the leisure centre.';

describe('triage at scale in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** A board paper with the practices in it; returns its id and its findings' ids. */
  async function addPaper(title: string): Promise<{ documentId: number; findingIds: number[] }> {
    const text = [title, ...practices, ordinary].join('\n\n');
    const { documentId } = await ingestDocument(server.deps, {
      bytes: new TextEncoder().encode(text),
      fileName: `${title.toLowerCase().replace(/\W+/g, '-')}.txt`,
      organisationCodes: ['ZZT1'],
      docType: 'board_paper',
      documentDate: '2026-03-05',
      actor: 'rita',
    });
    const rows = await server.deps.database.db
      .selectFrom('findings')
      .select('id')
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute();
    if (rows.length < 2) throw new Error(`Screening should find the practices in "${title}"`);
    return { documentId, findingIds: rows.map((row) => row.id) };
  }

  async function statusesOf(ids: readonly number[]): Promise<string[]> {
    const rows = await server.deps.database.db
      .selectFrom('findings')
      .select('status')
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    return rows.map((row) => row.status);
  }

  async function reviewer(username: string, options: { javaScript?: boolean } = {}) {
    const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true });
    contexts.push(context);
    const page = await context.newPage();
    await signIn(page, server.baseUrl, username);
    return page;
  }

  async function expectAccessible(page: Page) {
    expect(await findAxeViolations(page)).toEqual([]);
  }

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    await importOrganisations(server.deps, [northmoorTrust], 'tester');
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser.close();
    await server.cleanUp();
  });

  it(
    'groups the queue by document and passage, with the matched words marked',
    { timeout: 120_000 },
    async () => {
      const { documentId, findingIds } = await addPaper('Grouped board paper');
      const page = await reviewer('rita');
      await page.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
      const documents = page.getByTestId('triage-document');
      await expect.poll(() => documents.count()).toBe(1);
      await expect
        .poll(() => documents.first().getByRole('heading', { level: 2 }).textContent())
        .toBe('grouped board paper');
      const passages = page.getByTestId('triage-passage');
      // Four findings on three passages: one passage shows two labels.
      expect(findingIds).toHaveLength(4);
      expect(await passages.count()).toBe(3);
      expect(await passages.first().locator('blockquote mark').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('triage-finding').count()).toBe(findingIds.length);
      await expect
        .poll(() =>
          page.getByTestId('triage-finding').first().getByRole('link').first().textContent(),
        )
        .toMatch(/^(Police in care planning|SIM by name)$/);
      await expectAccessible(page);

      await page.getByTestId('triage-finding').first().getByRole('link').first().click();
      // A text file has no page numbers, so the title is the label's name alone.
      await expect
        .poll(() => page.locator('h1').textContent())
        .toMatch(/^(Police in care planning|SIM by name)$/);
      expect(await page.title()).toMatch(/^(Police in care planning|SIM by name) – simwatch$/);
      // The passage, then straight after it the decision; the whole page folded away below.
      const main = await page.locator('main').innerHTML();
      const order = [
        'simwatch-matched-passage',
        'id="decide"',
        'id="page-text"',
        'id="screening"',
      ].map((marker) => main.indexOf(marker));
      expect(
        order.every((at, index) => at > 0 && (index === 0 || at > (order[index - 1] ?? 0))),
      ).toBe(true);
      expect(await page.locator('.simwatch-matched-passage mark').count()).toBeGreaterThan(0);
      expect(await page.locator('details#page-text').getAttribute('open')).toBeNull();
      await expectAccessible(page);
    },
  );

  it(
    'two reviewers each reject a whole document with one reason, and its findings end rejected',
    { timeout: 120_000 },
    async () => {
      const { documentId, findingIds } = await addPaper('Rejected board paper');
      for (const username of ['rita', 'sam']) {
        const page = await reviewer(username);
        await page.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
        await page.getByLabel(/^Select all \d+ findings in this document/).check();
        await page
          .getByLabel('Reason for rejecting them')
          .fill(`The passages describe a plan the board turned down (${username}).`);
        await page.getByRole('button', { name: 'Reject selected findings' }).click();
        await page.waitForURL(/done=rejected/);
        await expect
          .poll(() =>
            page
              .getByRole('region')
              .or(page.locator('.nhsuk-notification-banner'))
              .first()
              .textContent(),
          )
          .toContain(`You rejected ${findingIds.length} findings.`);
        await expectAccessible(page);
      }
      expect(await statusesOf(findingIds)).toEqual(findingIds.map(() => 'rejected'));
    },
  );

  it(
    'refuses a bulk rejection that one finding cannot take, naming it and changing nothing',
    { timeout: 120_000 },
    async () => {
      const { documentId, findingIds } = await addPaper('Half-decided board paper');
      const [first = 0] = findingIds;
      const page = await reviewer('rita');
      await page.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
      await page.locator(`#select-${first}`).check();
      await page.getByLabel('Reason for rejecting them').fill('Not a practice.');
      await page.getByRole('button', { name: 'Reject selected findings' }).click();
      await page.waitForURL(/done=rejected/);
      await page.getByLabel(/^Select all \d+ findings in this document/).check();
      await page.getByLabel('Reason for rejecting them').fill('Not a practice.');
      await page.getByRole('button', { name: 'Reject selected findings' }).click();
      const summary = page.locator('.nhsuk-error-summary');
      await expect
        .poll(() => summary.textContent())
        .toContain(`finding ${first} (rita has already rejected it)`);
      expect(await summary.textContent()).toContain('Nothing was changed');
      await expectAccessible(page);
      expect(await statusesOf(findingIds)).toEqual(
        findingIds.map((id) => (id === first ? 'in_discussion' : 'pending')),
      );
    },
  );

  it(
    'assigns findings to a reviewer, who finds them with "assigned to me"',
    { timeout: 120_000 },
    async () => {
      const { documentId, findingIds } = await addPaper('Assigned board paper');
      const chosen = findingIds.slice(0, 2);
      const rita = await reviewer('rita');
      await rita.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
      for (const id of chosen) await rita.locator(`#select-${id}`).check();
      await rita.getByLabel('Reviewer to assign them to').selectOption('sam');
      await rita.getByRole('button', { name: 'Assign selected findings' }).click();
      await rita.waitForURL(/done=assigned/);
      await expect
        .poll(() => rita.locator('.nhsuk-notification-banner').textContent())
        .toContain('You assigned 2 findings to sam.');
      await expectAccessible(rita);

      const sam = await reviewer('sam');
      await sam.goto(`${server.baseUrl}/workspace/findings`);
      await sam.getByLabel('Assigned', { exact: true }).selectOption('me');
      await sam.getByRole('button', { name: 'Show findings' }).click();
      await sam.waitForURL(/assigned=me/);
      const shown = await sam
        .getByTestId('triage-finding')
        .locator('input[name="finding"]')
        .evaluateAll((inputs) =>
          inputs.map((input) => Number((input as unknown as { value: string }).value)),
        );
      expect(shown).toEqual(chosen);
      await expectAccessible(sam);
      await sam.getByTestId('triage-finding').first().getByRole('link').first().click();
      await expect
        .poll(() => sam.locator('main').textContent())
        .toContain('Assigned to sam by rita');
      await expectAccessible(sam);
    },
  );

  it('two reviewers confirm a finding from the queue itself', { timeout: 120_000 }, async () => {
    const { documentId, findingIds } = await addPaper('Confirmed board paper');
    const [first = 0] = findingIds;
    for (const username of ['rita', 'sam']) {
      const page = await reviewer(username);
      await page.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
      const item = page
        .getByTestId('triage-finding')
        .filter({ has: page.locator(`#select-${first}`) });
      await item.getByText('Decide', { exact: false }).first().click();
      await item.getByRole('button', { name: `Confirm finding ${first}` }).click();
      await page.waitForURL(new RegExp(`decided=${first}`));
      expect(new URL(page.url()).pathname).toBe('/workspace/findings');
      await expectAccessible(page);
    }
    expect(await statusesOf([first])).toEqual(['confirmed']);
  });

  it('rejects selected findings by keyboard alone', { timeout: 120_000 }, async () => {
    const { documentId, findingIds } = await addPaper('Keyboard board paper');
    const page = await reviewer('rita');
    await page.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
    await tabTo(page, `#select-document-${documentId}`, 200);
    await page.keyboard.press('Space');
    await tabTo(page, '#bulk-reason', 400);
    await page.keyboard.type('Read out by the chair from a campaign letter.');
    await tabTo(page, 'button[value="reject"][name="action"]', 20);
    await page.keyboard.press('Enter');
    await page.waitForURL(/done=rejected/);
    await expectAccessible(page);
    expect(await statusesOf(findingIds)).toEqual(findingIds.map(() => 'in_discussion'));
  });

  it('rejects and assigns selected findings without JavaScript', { timeout: 120_000 }, async () => {
    const { documentId, findingIds } = await addPaper('No script board paper');
    const page = await reviewer('sam', { javaScript: false });
    await page.goto(`${server.baseUrl}/workspace/findings?document=${documentId}`);
    await page.getByLabel(/^Select all \d+ findings in this document/).check();
    await page.getByLabel('Reviewer to assign them to').selectOption('rita');
    await page.getByRole('button', { name: 'Assign selected findings' }).click();
    await page.waitForURL(/done=assigned/);
    await page.getByLabel(/^Select all \d+ findings in this document/).check();
    await page
      .getByLabel('Reason for rejecting them')
      .fill('An example in a training slide, not a practice.');
    await page.getByRole('button', { name: 'Reject selected findings' }).click();
    await page.waitForURL(/done=rejected/);
    expect(await page.locator('.nhsuk-notification-banner').textContent()).toContain(
      `You rejected ${findingIds.length} findings.`,
    );
    expect(await statusesOf(findingIds)).toEqual(findingIds.map(() => 'in_discussion'));
    const assigned = await server.deps.database.db
      .selectFrom('findings')
      .select(['assigned_to', 'assigned_by'])
      .where('id', 'in', findingIds)
      .execute();
    expect(assigned).toEqual(findingIds.map(() => ({ assigned_to: 'rita', assigned_by: 'sam' })));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseFeed } from 'htmlparser2';

import { importOrganisations } from '../../register/organisations/organisations-service.js';
import {
  findAxeViolations,
  launchBrowser,
  phoneViewport,
  startTestServer,
  watchForPageErrors,
  type TestServer,
} from '../test-support/browser.js';
import { fictionalOrganisations } from '../test-support/fictional-organisations.js';

/** The list page as a person reads it: the result heading and the organisations' links. */
class OrganisationsListPage {
  constructor(private readonly page: Page) {}

  async resultHeading(): Promise<string> {
    return (await this.page.locator('#results').innerText()).replace(/\s+/g, ' ').trim();
  }

  async listedNames(): Promise<string[]> {
    return this.page.locator('main table tbody th a').allTextContents();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel('Name or code').fill(text);
    await Promise.all([
      this.page.waitForURL(/\/organisations\?/),
      this.page.getByRole('button', { name: 'Show organisations' }).click(),
    ]);
  }

  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).selectOption({ label: option });
  }

  async submit(): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/\/organisations\?/),
      this.page.getByRole('button', { name: 'Show organisations' }).click(),
    ]);
  }

  async goToPage(number: string): Promise<void> {
    await Promise.all([
      this.page.waitForURL(/page=/),
      this.page
        .getByRole('navigation', { name: 'Pages of organisations' })
        .getByRole('link', { name: new RegExp(`^(Page )?${number}$`) })
        .click(),
    ]);
  }
}

describe('the list of organisations in Chromium, with 180 more fictional organisations', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    await importOrganisations(server.deps, fictionalOrganisations(180), 'test');
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
  });

  for (const javaScriptEnabled of [true, false])
    it(`searches, filters and pages by the form alone (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      const list = new OrganisationsListPage(page);
      await page.goto(`${server.baseUrl}/organisations`);
      expect(await list.resultHeading()).toBe('192 organisations Page 1 of 10: 1 to 20');
      expect(await list.listedNames()).toHaveLength(20);
      await list.search('ashmoor');
      expect(await list.resultHeading()).toBe('26 of 192 organisations match Page 1 of 2: 1 to 20');
      // axe-core runs in the page, so it checks the page with JavaScript on.
      if (javaScriptEnabled) expect(await findAxeViolations(page)).toEqual([]);
      await list.choose('Region', 'London');
      await list.choose('Sort by', 'Most serious status first');
      await list.submit();
      const names = await list.listedNames();
      const expected = fictionalOrganisations(180).filter(
        (each) => each.name.startsWith('Ashmoor') && each.region === 'London',
      );
      expect(names.sort()).toEqual(expected.map((each) => each.name).sort());
      await list.choose('Region', 'Any region');
      await list.submit();
      await list.goToPage('2');
      expect(page.url()).toContain('q=ashmoor');
      expect(await list.resultHeading()).toBe(
        '26 of 192 organisations match Page 2 of 2: 21 to 26',
      );
      expect(await list.listedNames()).toHaveLength(6);
      expect(await page.getByLabel('Name or code').inputValue()).toBe('ashmoor');
      if (javaScriptEnabled) expect(await findAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 120_000);

  it('is under 3,000 px tall at 1,280 px wide, and fits a phone without sideways scrolling', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/organisations`);
    const height = Number(await page.evaluate('document.documentElement.scrollHeight'));
    console.log(`The first page of 192 organisations is ${height} px tall at 1,280 px wide`);
    expect(height).toBeLessThan(3000);
    await page.goto(`${server.baseUrl}/organisations?sort=status&page=10`);
    expect(await findAxeViolations(page)).toEqual([]);
    await context.close();
    const phone = await browser.newContext({ viewport: phoneViewport });
    const small = await phone.newPage();
    await small.goto(`${server.baseUrl}/organisations?q=fictional`);
    const overflow = Number(
      await small.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });

  it("links an organisation's own feed, which gives only that organisation's entries", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/organisations/DEMO-T01`);
    expect(await findAxeViolations(page)).toEqual([]);
    const alternate = page.locator(
      'head link[rel="alternate"][type="application/atom+xml"][href*="organisation=DEMO-T01"]',
    );
    expect(await alternate.count()).toBe(2);
    const href = await alternate.first().getAttribute('href');
    expect(href).toBe('/feed.atom?organisation=DEMO-T01');
    const visible = page.getByRole('link', {
      name: /Atom feed of new evidence and assurances about/,
    });
    expect(await visible.getAttribute('href')).toBe(href);
    const response = await page.request.get(`${server.baseUrl}${href ?? ''}`);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(await response.text(), { xmlMode: true });
    expect(feed?.items.length).toBeGreaterThan(0);
    const facts = await server.deps.database.db
      .selectFrom('document_organisations')
      .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
      .select(['document_organisations.document_id', 'organisations.code'])
      .execute();
    for (const item of feed?.items ?? []) {
      const link = item.link ?? '';
      const documentId = /\/documents\/(\d+)\//.exec(link)?.[1];
      if (documentId === undefined) expect(link).toMatch(/\/organisations\/DEMO-T01$/);
      else
        expect(
          facts.some((row) => row.document_id === Number(documentId) && row.code === 'DEMO-T01'),
        ).toBe(true);
    }
    await context.close();
  });
});

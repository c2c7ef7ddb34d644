import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

import {
  findAxeViolations,
  launchBrowser,
  phoneViewport,
  startTestServer,
  tabTo,
  watchForPageErrors,
  type TestServer,
} from '../test-support/browser.js';

/** The map page as a person reads it: the numbers on the tiles and in the table. */
class RegionMapPage {
  constructor(private readonly page: Page) {}

  /** Each figure written on the map's tiles, as "region|status" and the number. */
  async tileFigures(): Promise<Map<string, string>> {
    return this.figuresIn('svg.simwatch-map [data-region][data-status]');
  }

  /** The table's figure for each region and status. */
  async tableFigures(): Promise<Map<string, string>> {
    return this.figuresIn('table.simwatch-map-table [data-region][data-status]');
  }

  async horizontalOverflow(): Promise<number> {
    return Number(
      await this.page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      ),
    );
  }

  private async figuresIn(selector: string): Promise<Map<string, string>> {
    // A script as text: the tests are type-checked without the DOM's types.
    const cells = await this.page.evaluate<[string, string][]>(
      `[...document.querySelectorAll(${JSON.stringify(selector)})].map((element) => [
        element.getAttribute('data-region') + '|' + element.getAttribute('data-status'),
        element.textContent.trim(),
      ])`,
    );
    return new Map(cells);
  }
}

describe('the map of England by region and status in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  }, 120_000);
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
  });

  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', phoneViewport],
  ] as const)
    it(`passes axe-core and does not scroll sideways (${name})`, async () => {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const errors = watchForPageErrors(page);
      await page.goto(`${server.baseUrl}/map`);
      expect(await findAxeViolations(page)).toEqual([]);
      expect(await new RegionMapPage(page).horizontalOverflow()).toBeLessThanOrEqual(0);
      const box = await page.locator('svg.simwatch-map').boundingBox();
      expect(box?.width ?? 0).toBeLessThanOrEqual(viewport.width);
      expect(box?.width ?? 0).toBeGreaterThan(300);
      expect(errors).toEqual([]);
      await context.close();
    });

  it('writes the same number on each tile as the table has for its region and status', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/map`);
    const map = new RegionMapPage(page);
    const tiles = await map.tileFigures();
    const table = await map.tableFigures();
    // 7 regions, each with 6 statuses and a total.
    expect(tiles.size).toBe(7 * 7);
    for (const [key, value] of tiles) expect(table.get(key), key).toBe(value);
    expect(tiles.get('North East and Yorkshire|total')).toBe('5');
    await context.close();
  });

  it("opens a region's list of organisations from its tile, by keyboard", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/map`);
    const tile = 'a.simwatch-map__link[href="/organisations?region=North+East+and+Yorkshire"]';
    await tabTo(page, tile);
    await Promise.all([page.waitForURL(/\/organisations\?region=/), page.keyboard.press('Enter')]);
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe(
      'North East and Yorkshire',
    );
    expect((await page.locator('#results').innerText()).replace(/\s+/g, ' ').trim()).toBe(
      '5 of 12 organisations match',
    );
    await context.close();
  });
});

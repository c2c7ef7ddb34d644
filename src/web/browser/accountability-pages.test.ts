import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';

import {
  findAxeViolations,
  launchBrowser,
  phoneViewport,
  startTestServer,
  watchForPageErrors,
  type TestServer,
} from '../test-support/browser.js';

/** What a person reads in the list with this test id: each item's link and its line of why. */
async function readList(page: Page, testId: string): Promise<{ name: string; why: string }[]> {
  const items = page.getByTestId(testId).getByRole('listitem');
  const read: { name: string; why: string }[] = [];
  for (const item of await items.all())
    read.push({
      name: await item.getByRole('link').innerText(),
      why: await item.locator('.nhsuk-body-s').innerText(),
    });
  return read;
}

// The demonstration register (fictional): Eastmere said in 2021 its scheme had ended, and a 2023
// board paper shows police in care planning and coercion; Kestrelford promised to end police
// involvement by 31 March 2025 and has said nothing since.
describe('accountability at a glance, in Chromium', () => {
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

  async function open(path: string, viewport = { width: 1280, height: 900 }) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const errors = watchForPageErrors(page);
    await page.goto(`${server.baseUrl}${path}`);
    return { page, errors, close: () => context.close() };
  }

  it('the home page names a contradicted organisation and a broken promise, with why', async () => {
    const { page, errors, close } = await open('/');
    try {
      const contradicted = await readList(page, 'contradicted-organisations');
      expect(contradicted).toEqual([
        {
          name: 'Eastmere Mental Health NHS Foundation Trust',
          why: 'Confirmed evidence of police in care planning and of coercion and sanctions dated 28 September 2023 contradicts its assurance of 1 June 2021 that the scheme had ended on 31 March 2021.',
        },
      ]);
      const broken = await readList(page, 'broken-promises');
      expect(broken.map((each) => each.name)).toEqual([
        'Kestrelford Healthcare NHS Foundation Trust',
      ]);
      expect(broken[0]?.why).toMatch(
        /^It said on 16 September 2024 that use would end by 31 March 2025 \(\d+ months ago\); nothing recorded since says use ended\.$/,
      );
      await page.getByRole('link', { name: 'Kestrelford Healthcare NHS Foundation Trust' }).click();
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(
        'Kestrelford Healthcare NHS Foundation Trust',
      );
      expect(await findAxeViolations(page)).toEqual([]);
      await page.goto(`${server.baseUrl}/`);
      expect(await findAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the organisation page shows each contradiction once, naming its features', async () => {
    const { page, close } = await open('/organisations/DEMO-T01');
    try {
      const entries = page.locator('.simwatch-timeline__entry--contradiction');
      expect(await entries.count()).toBe(1);
      const text = await entries.innerText();
      expect(text).toContain('Features: police in care planning; coercion and sanctions.');
      const reasons = await page.locator('.simwatch-reasons li').allInnerTexts();
      expect(reasons.filter((reason) => reason.includes('Board of Directors'))).toHaveLength(1);
    } finally {
      await close();
    }
  });

  it('the timeline graphic and its table hold the same entries', async () => {
    const { page, close } = await open('/organisations/DEMO-T01');
    try {
      const region = page.getByRole('region', { name: /Timeline graphic/ });
      const graphic = region.getByRole('img', { name: /Timeline graphic/ });
      expect(await graphic.getAttribute('aria-label')).toContain('Dated records on the timeline');
      const marks: string[] = [];
      for (const mark of await region.locator('[data-kind]').all())
        marks.push(
          `${await mark.getAttribute('data-date')} ${await mark.getAttribute('data-kind')}`,
        );
      const table = page.getByRole('table', { name: /Dated records on the timeline/ });
      const rows: { date: string; kind: string }[] = [];
      for (const row of await table.locator('tbody tr').all())
        rows.push({
          date: (await row.locator('time').getAttribute('datetime')) ?? '',
          kind: await row.locator('td').nth(1).innerText(),
        });
      const kindNames: Record<string, string> = {
        Assurance: 'assurance',
        'Stated end': 'stated_end',
        'Review return': 'return',
        Evidence: 'evidence',
      };
      expect(rows.map((row) => `${row.date} ${kindNames[row.kind] ?? row.kind}`)).toEqual(marks);
      expect(marks.length).toBeGreaterThan(4);
      // Every kind is written on the graphic, not told apart by colour alone.
      for (const name of Object.keys(kindNames))
        expect(await graphic.locator('text', { hasText: name }).count()).toBe(1);
    } finally {
      await close();
    }
  });

  it('the status history reads newest first, with the day and the reasons', async () => {
    const { page, close } = await open('/organisations/DEMO-T01');
    try {
      const changes = await page
        .getByTestId('status-history')
        .locator(':scope > li > p')
        .allInnerTexts();
      expect(changes[0]).toBe(
        'Changed from Used, says it has ended to Evidence contradicts an assurance on 28 September 2023, because:',
      );
      expect(changes.at(-1)).toMatch(/^Changed from Not yet reviewed to /);
      const first = page.getByTestId('status-history').locator(':scope > li').first();
      expect(await first.innerText()).toContain(
        'Board of Directors, 28 September 2023: Quality and Safety Committee report',
      );
    } finally {
      await close();
    }
  });

  it('at 375 px the page does not overflow, the graphic scrolls in its focusable region, and axe finds nothing', async () => {
    const { page, errors, close } = await open('/organisations/DEMO-T01', phoneViewport);
    try {
      const overflow = await page.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow, 'the page scrolls sideways at phone width').toBeLessThanOrEqual(0);
      const region = page.getByRole('region', { name: /Timeline graphic/ });
      const box = await region.boundingBox();
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 1000)).toBeLessThanOrEqual(phoneViewport.width);
      // Reachable by keyboard, and scrolled by it.
      await region.focus();
      // Each poll presses the key again: under load the browser may take a frame or two to
      // scroll (smoothly), and reading the first frame would say it did not.
      await expect
        .poll(async () => {
          await page.keyboard.press('ArrowRight');
          return Number(
            await page.evaluate(
              'document.querySelector(\'[data-testid="timeline-graphic"]\').scrollLeft',
            ),
          );
        })
        .toBeGreaterThan(0);
      expect(await findAxeViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('the cite-this blocks copy as plain text and fit a phone, on organisation and document pages', async () => {
    const row = await server.deps.database.db
      .selectFrom('documents')
      .select(['id', 'sha256'])
      .where('title', 'like', 'Board of Directors, 28 September 2023%')
      .executeTakeFirstOrThrow();
    for (const path of ['/organisations/DEMO-T01', `/documents/${row.id}`]) {
      const { page, errors, close } = await open(path, phoneViewport);
      try {
        const citation = await page.getByTestId('citation').innerText();
        expect(citation).toContain(`Permalink: ${server.deps.config.web.publicUrl}${path}`);
        expect(citation).toMatch(
          /^Record checkpoint: tree size \d+ \(events 1 to \d+\), root hash \(SHA-256\) [0-9a-f]{64}, signed /m,
        );
        if (path.startsWith('/documents'))
          expect(citation).toContain(`Document SHA-256: ${row.sha256}`);
        const overflow = await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        );
        expect(overflow, 'the page scrolls sideways at phone width').toBeLessThanOrEqual(0);
        expect(await findAxeViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }
    }
  });
});

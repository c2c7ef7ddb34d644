import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { requestRefPattern } from '../../foi/foi-request.js';
import {
  startLocalSmtpServer,
  type ReceivedMessage,
} from '../../foi/sending/test-support/local-smtp-server.js';
import { makeScannedPdf } from '../../ocr/scanned-pages/make-scanned-page.js';
import { importFoiContacts } from '../../register/foi/foi-service.js';
import { readOrganisationSet } from '../../register/organisations/read-organisation-set.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import {
  findAxeViolations,
  launchBrowser,
  phoneViewport,
  signIn,
  startTestServer,
  tabTo,
  type TestServer,
} from '../test-support/browser.js';

/** The day the round is sent: a Monday, far from any bank holiday. */
const sentDay = new Date('2027-03-01T10:00:00Z');
/** Three weeks on, when the replies that came are recorded. */
const replyDay = new Date('2027-03-22T10:00:00Z');
/** Seven weeks on: 12 working days after the due date, so unanswered requests are overdue (not long). */
const laterDay = new Date('2027-04-19T10:00:00Z');

const plantedSentence =
  'A specialist police officer joins the community mental health team and works alongside a named care coordinator for each person.';

/** Fills a date input by its name, as a person types the day, month and year. */
async function typeDate(page: Page, name: string, [day, month, year]: string[]): Promise<void> {
  await page.locator(`input[name="${name}[day]"]`).fill(day ?? '');
  await page.locator(`input[name="${name}[month]"]`).fill(month ?? '');
  await page.locator(`input[name="${name}[year]"]`).fill(year ?? '');
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAxeViolations(page)).toEqual([]);
}

describe('a national round of FOI requests, in a browser, through a real SMTP server', () => {
  let clock = sentDay;
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startLocalSmtpServer>>;
  let browser: Browser;
  let folder: string;
  let rita: Page;
  let visitor: Page;
  let noScript: Page;
  let trusts: { code: string; name: string; email: string }[];
  let messages: ReceivedMessage[] = [];
  /** Each request's reference, by organisation code, as the workspace lists them. */
  const refs = new Map<string, string>();

  beforeAll(async () => {
    smtp = await startLocalSmtpServer();
    server = await startTestServer({
      demo: false,
      now: () => clock,
      env: { SIMWATCH_SMTP_URL: smtp.url, SIMWATCH_FOI_FROM: 'requests@simwatch.test' },
    });
    await importOrganisations(server.deps, await readOrganisationSet('england'), 'test');
    const current = await server.deps.database.db
      .selectFrom('organisations')
      .select(['code', 'name'])
      .where('kind', '=', 'mental_health_trust')
      .where('closed', 'is', null)
      .orderBy('code')
      .execute();
    trusts = current.map((trust) => ({
      ...trust,
      email: `foi.${trust.code.toLowerCase()}@trust.test`,
    }));
    await importFoiContacts(
      server.deps,
      `code,email\n${trusts.map((trust) => `${trust.code},${trust.email}`).join('\n')}\n`,
      'test',
    );
    browser = await launchBrowser();
    folder = await mkdtemp(join(tmpdir(), 'simwatch-foi-'));
    rita = await (await browser.newContext()).newPage();
    await signIn(rita, server.baseUrl, 'rita');
    visitor = await (await browser.newContext()).newPage();
    // The public pages must work without JavaScript (axe itself needs it, so it runs in `visitor`).
    noScript = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  }, 180_000);

  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
    await smtp.close();
    await rm(folder, { recursive: true, force: true });
  });

  it(
    'drafts a batch to every mental health trust through the form, by keyboard, and emails one request to each',
    { timeout: 180_000 },
    async () => {
      expect(trusts.length).toBeGreaterThan(40);
      await rita.goto(`${server.baseUrl}/workspace/foi`);
      await expectAccessible(rita);
      await rita.getByRole('link', { name: 'Draft a request' }).click();
      await rita.getByRole('heading', { name: 'Draft a freedom of information request' }).waitFor();
      await expectAccessible(rita);
      await rita.getByRole('radio', { name: 'Every current mental health trust' }).check();
      await rita.getByLabel('Name of the batch').fill('High intensity user schemes 2027');
      await rita.getByLabel('Subject').fill('Police involvement in high intensity user services');
      await rita
        .getByLabel('The request')
        .fill(
          'Dear {organisation},\n\nPlease tell me whether police officers take part in your high intensity user service, and send its policies.',
        );
      await tabTo(rita, 'main button.nhsuk-button');
      await rita.keyboard.press('Enter');
      await rita.waitForURL(/\/workspace\/foi\/batches\/SW-FOI-BATCH-\d+/);
      await expectAccessible(rita);
      expect(await rita.locator('main').textContent()).toContain(
        'Every organisation of the batch has a freedom of information address.',
      );

      await rita.getByRole('button', { name: `Send ${trusts.length} requests by email` }).click();
      const result = rita.getByTestId('send-result');
      await result.waitFor();
      expect(await result.textContent()).toContain(`${trusts.length} requests were sent by email.`);
      await expectAccessible(rita);

      messages = await smtp.waitForMessages(trusts.length, 30_000);
      expect(messages).toHaveLength(trusts.length);
      expect(
        messages
          .map((message) => message.to)
          .flat()
          .sort(),
      ).toEqual(trusts.map((trust) => trust.email).sort());
      for (const row of await rita.getByTestId('foi-request').all()) {
        const ref = (await row.getAttribute('data-ref')) ?? '';
        const name = (await row.locator('td').nth(1).textContent()) ?? '';
        const trust = trusts.find((each) => name.includes(each.name));
        if (trust) refs.set(trust.code, ref);
      }
      expect(refs.size).toBe(trusts.length);
      for (const trust of trusts) {
        const message = messages.find((each) => each.to.includes(trust.email));
        const ref = refs.get(trust.code) ?? '';
        expect(message?.subject).toContain(`[${ref}]`);
        expect(message?.text).toContain(ref);
        expect(message?.text).toContain(`Dear ${trust.name},`);
        expect(requestRefPattern.exec(message?.subject ?? '')?.[0]).toBe(ref);
      }
    },
  );

  it(
    'attaches a scanned reply through the form: read by OCR, it gives a finding',
    { timeout: 300_000 },
    async () => {
      clock = replyDay;
      // Three weeks on, the session has ended: sign in again.
      await signIn(rita, server.baseUrl, 'rita');
      const [first] = trusts;
      const ref = refs.get(first?.code ?? '') ?? '';
      const scan = await makeScannedPdf([
        `Freedom of information response ${ref}\n\nThank you for your request.\n\n${plantedSentence}\n\nYours faithfully,\nInformation Governance`,
      ]);
      const file = join(folder, 'scanned-reply.pdf');
      await writeFile(file, scan);
      await rita.goto(`${server.baseUrl}/workspace/foi/requests/${ref}`);
      await expectAccessible(rita);
      await rita.getByLabel('The reply').setInputFiles(file);
      await typeDate(rita, 'receivedOn', ['15', '3', '2027']);
      await rita.getByLabel('New state of the request').selectOption({ label: 'Successful' });
      await rita.getByRole('button', { name: 'Attach the reply' }).click();
      await rita.waitForURL((url) => url.searchParams.get('done') === 'reply-attached');
      await expectAccessible(rita);
      await rita.getByRole('link', { name: 'its findings' }).click();
      await rita.waitForURL(/\/workspace\/findings\?document=\d+/);
      expect(await rita.locator('main').textContent()).toContain('community mental health team');
      await expectAccessible(rita);
    },
  );

  it('records a refusal citing s.12 through the state form', { timeout: 60_000 }, async () => {
    const second = trusts[1];
    const ref = refs.get(second?.code ?? '') ?? '';
    await rita.goto(`${server.baseUrl}/workspace/foi/requests/${ref}`);
    await rita.getByLabel('New state', { exact: true }).selectOption({ label: 'Refused' });
    await typeDate(rita, 'onDay', ['20', '3', '2027']);
    await rita.getByLabel('Exemptions cited (for a refusal)').fill('s.12');
    await rita.getByRole('button', { name: 'Record the state' }).click();
    await rita.waitForURL((url) => url.searchParams.get('done') === 'state-changed');
    expect(await rita.locator('main').textContent()).toContain('Refused (citing s.12)');
    await expectAccessible(rita);
  });

  it(
    'seven weeks on, the requests left unanswered are overdue: listed, fed and counted on organisation pages',
    { timeout: 120_000 },
    async () => {
      clock = laterDay;
      const answered = new Set([trusts[0]?.code, trusts[1]?.code]);
      const unanswered = trusts.filter((trust) => !answered.has(trust.code));

      await noScript.goto(`${server.baseUrl}/`);
      await noScript.getByRole('link', { name: 'FOI requests', exact: true }).click();
      await noScript.getByRole('heading', { name: 'Freedom of information requests' }).waitFor();
      expect(await noScript.getByTestId('foi-request').count()).toBe(trusts.length);
      await noScript
        .getByLabel('Deadline')
        .selectOption({ label: 'Overdue (including long overdue)' });
      await noScript.getByRole('button', { name: 'Filter requests' }).click();
      await noScript.waitForURL(/timeliness=overdue_any/);
      expect(await noScript.getByTestId('foi-request').count()).toBe(unanswered.length);
      await visitor.goto(`${server.baseUrl}/foi`);
      await expectAccessible(visitor);

      await visitor.getByRole('link', { name: 'See the overdue requests' }).click();
      await visitor.waitForURL(`${server.baseUrl}/foi/overdue`);
      const overdueRefs = await Promise.all(
        (await visitor.getByTestId('foi-request').all()).map((row) => row.getAttribute('data-ref')),
      );
      expect(overdueRefs.sort()).toEqual(unanswered.map((trust) => refs.get(trust.code)).sort());
      expect(await visitor.getByTestId('timeliness').first().textContent()).toMatch(
        /^Overdue: \d+ working days late$/,
      );
      await expectAccessible(visitor);

      const feed = await (await fetch(`${server.baseUrl}/foi/overdue.atom`)).text();
      for (const trust of unanswered) expect(feed).toContain(refs.get(trust.code));
      for (const code of answered) expect(feed).not.toContain(`${refs.get(code ?? '')}<`);
      const all = await (await fetch(`${server.baseUrl}/foi/feed.atom`)).text();
      expect(all).toContain(`Refused (${refs.get(trusts[1]?.code ?? '')})`);

      const late = unanswered[0];
      await visitor.goto(`${server.baseUrl}/organisations/${late?.code ?? ''}`);
      expect(await visitor.getByTestId('foi-counts').textContent()).toContain(
        '1 request, 1 overdue',
      );
      await expectAccessible(visitor);
      await visitor.getByRole('link', { name: '1 request, 1 overdue' }).click();
      expect(await visitor.getByTestId('foi-request').count()).toBe(1);

      await visitor.goto(`${server.baseUrl}/organisations/${trusts[1]?.code ?? ''}`);
      expect(await visitor.getByTestId('foi-counts').textContent()).toContain(
        '1 request, 0 overdue; 1 refused',
      );

      const refusedRef = refs.get(trusts[1]?.code ?? '') ?? '';
      await visitor.goto(`${server.baseUrl}/foi/requests/${refusedRef}`);
      expect(await visitor.locator('main').textContent()).toContain('Refused (citing s.12)');
      await expectAccessible(visitor);
      const scannedRef = refs.get(trusts[0]?.code ?? '') ?? '';
      await visitor.goto(`${server.baseUrl}/foi/requests/${scannedRef}`);
      expect(await visitor.getByTestId('replies').textContent()).toContain('15 March 2027');
      await expectAccessible(visitor);
    },
  );

  it('the public list fits a phone’s width', { timeout: 60_000 }, async () => {
    await visitor.setViewportSize(phoneViewport);
    for (const path of [
      '/foi',
      '/foi/overdue',
      `/foi/requests/${refs.get(trusts[2]?.code ?? '') ?? ''}`,
    ]) {
      await visitor.goto(`${server.baseUrl}${path}`);
      const width = await visitor.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(phoneViewport.width);
      await expectAccessible(visitor);
    }
  });
});

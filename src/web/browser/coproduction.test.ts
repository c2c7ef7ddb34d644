import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createUser } from '../../accounts/users-service.js';
import { signConsent, type ConsentStatement } from '../../coproduction/consent-statement.js';
import { verifyPublicationBundle } from '../../coproduction/publication-bundle.js';
import { createAgreement } from '../../register/coproduction/coproduction-service.js';
import {
  findAxeViolations,
  launchBrowser,
  signIn,
  startTestServer,
  type TestServer,
} from '../test-support/browser.js';
import { testPassword } from '../test-support/web-test-app.js';

const board = 'Northmoor Health Board';
const coalition = 'Coalition for Safe Care';

function keyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The page's main heading and the error summary's text, for refusals. */
async function problem(page: Page): Promise<string> {
  return (await page.locator('.nhsuk-error-summary').textContent()) ?? '';
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await findAxeViolations(page)).toEqual([]);
}

describe('co-production, two parties with two members each, in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let agreementId: number;
  const keys = { board: keyPair(), coalition: keyPair() };
  /** rita acts for the board, sam is a member who may not act; lee and mo act for the coalition. */
  const pages: Record<string, Page> = {};
  let noScript: BrowserContext;
  const base = () => `${server.baseUrl}/workspace/agreements/${agreementId}`;

  beforeAll(async () => {
    server = await startTestServer({ demo: false });
    for (const [username, displayName] of [
      ['lee', 'Lee Coalition'],
      ['mo', 'Mo Coalition'],
    ] as const)
      await createUser(
        server.deps,
        { username, displayName, role: 'viewer', password: testPassword },
        'test',
      );
    ({ agreementId } = await createAgreement(
      server.deps,
      {
        title: 'National policy on SIM-type practices',
        purpose: 'To write the national policy together, as equal partners.',
        principles: [
          'Confidentiality: drafts stay with the parties',
          'Equal partnership: every party has the same powers',
          'No publication by either party without the other’s consent',
        ],
        termsText: 'The parties write the policy together. Nothing is published without both.',
        draftsOnDissolution: 'kept_confidential',
        parties: [
          {
            name: board,
            organisationCode: null,
            publicKeyPem: keys.board.publicKeyPem,
            members: [
              { username: 'rita', mayAct: true },
              { username: 'sam', mayAct: false },
            ],
          },
          {
            name: coalition,
            organisationCode: null,
            publicKeyPem: keys.coalition.publicKeyPem,
            members: [
              { username: 'lee', mayAct: true },
              { username: 'mo', mayAct: true },
            ],
          },
        ],
      },
      'ada',
    ));
    browser = await launchBrowser();
    for (const username of ['rita', 'sam', 'mo', 'vic']) {
      const page = await (await browser.newContext()).newPage();
      await signIn(page, server.baseUrl, username);
      pages[username] = page;
    }
    // Lee uses a browser without JavaScript: every form must work without it.
    noScript = await browser.newContext({ javaScriptEnabled: false });
    pages.lee = await noScript.newPage();
    await signIn(pages.lee, server.baseUrl, 'lee');
  }, 180_000);
  afterAll(async () => {
    await browser.close();
    await server.cleanUp();
  });

  /** Opens an action's page from the agreement page, by its number. */
  async function openAction(page: Page, number: number): Promise<void> {
    await page.goto(base());
    await page
      .getByTestId(`action-${number}`)
      .getByRole('link', { name: new RegExp(`^Action ${number}:`) })
      .click();
    await page.waitForURL(/\/actions\/\d+/);
  }

  /** Consents with the party's key file, signed in this browser (the JavaScript path). */
  async function consentWithKeyFile(page: Page, privateKeyPem: string): Promise<void> {
    await page.getByLabel('Sign with your party’s key file').setInputFiles({
      name: 'party.key',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(privateKeyPem),
    });
    await page.getByRole('button', { name: 'Sign the statement' }).click();
    await expect
      .poll(() => page.getByLabel('Your party’s signature', { exact: true }).inputValue())
      .not.toBe('');
    await page.getByRole('button', { name: 'Give consent' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'consent-given');
  }

  /**
   * Consents without JavaScript: the member signs the statement shown, as `simwatch agreement
   * sign` does on their own computer, and pastes the signature into the box.
   */
  async function consentByPasting(page: Page, privateKeyPem: string): Promise<void> {
    const shown = (await page.getByTestId('statement').textContent()) ?? '';
    const signature = signConsent(JSON.parse(shown) as ConsentStatement, privateKeyPem);
    await page.getByLabel('Your party’s signature', { exact: true }).fill(signature);
    await page.getByRole('button', { name: 'Give consent' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'consent-given');
  }

  async function proposePublication(page: Page, version: number): Promise<number> {
    await page.goto(`${base()}/actions/new`);
    await expectAccessible(page);
    await page.getByRole('radio', { name: 'Publish a version' }).check();
    await page.getByLabel('Which version?').selectOption({ label: `Policy, version ${version}` });
    const today = new Date();
    await page.locator('input[name="effectiveOn[day]"]').fill(String(today.getUTCDate()));
    await page.locator('input[name="effectiveOn[month]"]').fill(String(today.getUTCMonth() + 1));
    await page.locator('input[name="effectiveOn[year]"]').fill(String(today.getUTCFullYear()));
    await page.getByRole('button', { name: 'Propose the action' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'action-proposed');
    const heading = (await page.locator('h1').textContent()) ?? '';
    return Number(/Action (\d+)/.exec(heading)?.[1]);
  }

  async function writeVersion(page: Page, content: string, note: string): Promise<void> {
    await page.getByRole('link', { name: 'Write a new version' }).click();
    await page.getByLabel('Text', { exact: true }).fill(content);
    await page.getByLabel('What changed?').fill(note);
    await page.getByRole('button', { name: 'Save the version' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === 'version-added');
  }

  it(
    'terms, drafts, comments, meetings, consent bound to the exact version, withdrawal and publication',
    { timeout: 400_000 },
    async () => {
      const rita = pages.rita as Page;
      const sam = pages.sam as Page;
      const lee = pages.lee as Page;
      const mo = pages.mo as Page;

      // The agreement is listed for its members; its terms wait for both parties' consent.
      await rita.goto(`${server.baseUrl}/workspace`);
      await rita.getByRole('link', { name: 'Agreements' }).click();
      await expectAccessible(rita);
      await rita.getByRole('link', { name: 'National policy on SIM-type practices' }).click();
      await expectAccessible(rita);
      expect(await rita.locator('main').textContent()).toContain(
        'Waiting for every party to consent to the terms',
      );
      await openAction(rita, 1);
      await expectAccessible(rita);
      await consentWithKeyFile(rita, keys.board.privateKeyPem);
      await openAction(lee, 1);
      await consentByPasting(lee, keys.coalition.privateKeyPem);
      await rita.goto(base());
      expect(await rita.locator('.nhsuk-caption-l').first().textContent()).toContain('Active');

      // A joint document in four versions.
      await rita.getByRole('link', { name: 'Start a new joint document' }).click();
      await expectAccessible(rita);
      await rita.getByLabel('Title').fill('Policy');
      await rita
        .getByLabel('Text', { exact: true })
        .fill('# Policy\n\nServices must never withhold care from people who call often.\n');
      await rita.getByLabel('What changed?').fill('First draft');
      await rita.getByRole('button', { name: 'Save the version' }).click();
      await rita.waitForURL((url) => url.searchParams.get('done') === 'version-added');
      await writeVersion(
        rita,
        '# Policy\n\nServices must never withhold care from people who call often.\n\nPolice take no part in care plans.\n',
        'Added the police',
      );
      // Sam (a member who may not act) comments on a passage of version 2.
      await sam.goto(rita.url());
      await expectAccessible(sam);
      await sam.getByLabel('The passage it is about').fill('Police take no part in care plans.');
      await sam.getByLabel('Your comment').fill('Say who decides this.');
      await sam.getByRole('button', { name: 'Add the comment' }).click();
      await sam.waitForURL((url) => url.searchParams.get('done') === 'comment-added');
      await writeVersion(
        rita,
        '# Policy\n\nServices must never withhold care from people who call often.\n\nPolice officers take no part in care plans.\n',
        'Officers',
      );
      // On version 3 the comment is placed again, and marked because its words changed.
      const comment = rita.getByTestId('comment');
      expect(await comment.textContent()).toContain('Say who decides this.');
      expect(await comment.textContent()).toContain('the quoted text has changed');
      await expectAccessible(rita);
      await writeVersion(
        rita,
        '# Policy\n\nServices must never withhold care from people who call often.\n\nPolice officers take no part in care plans, and never attend them.\n',
        'Final wording',
      );
      // The diff between versions 1 and 4, chosen in the form.
      await rita.getByLabel('From version').selectOption('1');
      await rita.getByLabel('To version').selectOption('4');
      await rita.getByRole('button', { name: 'Show the changes' }).click();
      await expectAccessible(rita);
      expect(await rita.getByTestId('diff').locator('ins').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('never attend them')]),
      );

      // A meeting the coalition was not told about shows so, to every party.
      await rita.goto(`${base()}/meetings/new`);
      await expectAccessible(rita);
      await rita.getByRole('radio', { name: 'A meeting' }).check();
      const today = new Date();
      await rita.locator('input[name="heldOn[day]"]').fill(String(today.getUTCDate()));
      await rita.locator('input[name="heldOn[month]"]').fill(String(today.getUTCMonth() + 1));
      await rita.locator('input[name="heldOn[year]"]').fill(String(today.getUTCFullYear()));
      await rita.getByLabel('What was it about?').fill('Police role');
      await rita.getByLabel('What was discussed or decided?').fill('The board discussed it alone.');
      await rita
        .getByRole('group', { name: 'Which parties were present or took part?' })
        .getByLabel(board)
        .check();
      await rita.getByRole('button', { name: 'Record it' }).click();
      await rita.waitForURL((url) => url.searchParams.get('done') === 'meeting-recorded');
      await lee.goto(base());
      const meeting = lee.locator('[data-testid^="meeting-"]').first();
      expect(await meeting.textContent()).toMatch(/Not told\s*Coalition for Safe Care/);

      // Consent to publish version 3: the board alone cannot publish.
      const action3 = await proposePublication(rita, 3);
      await consentWithKeyFile(rita, keys.board.privateKeyPem);
      await rita.getByRole('button', { name: 'Publish this version' }).click();
      await rita.waitForLoadState('load');
      expect(await problem(rita)).toContain(coalition);
      await expectAccessible(rita);
      await openAction(lee, action3);
      await consentByPasting(lee, keys.coalition.privateKeyPem);

      // Consent to version 3 does not allow publishing version 4.
      const action4 = await proposePublication(rita, 4);
      await consentWithKeyFile(rita, keys.board.privateKeyPem);
      await rita.getByRole('button', { name: 'Publish this version' }).click();
      await rita.waitForLoadState('load');
      expect(await problem(rita)).toContain(coalition);
      await rita.goto(`${server.baseUrl}/publications`);
      expect(await rita.locator('main').textContent()).toContain('Nothing has been published yet');

      // Withdrawal before publication stops it: mo withdraws the coalition's consent to version 3.
      await openAction(mo, action3);
      await mo.getByRole('button', { name: 'Withdraw consent' }).click();
      await mo.waitForURL((url) => url.searchParams.get('done') === 'consent-withdrawn');
      expect(await mo.getByTestId('consents').textContent()).toContain('Consent withdrawn');
      await openAction(rita, action3);
      await rita.getByRole('button', { name: 'Publish this version' }).click();
      await rita.waitForLoadState('load');
      expect(await problem(rita)).toContain(coalition);
      expect(await problem(rita)).toMatch(/withdr/);

      // Both consent to version 4: the coalition publishes it, without JavaScript.
      await openAction(lee, action4);
      await consentByPasting(lee, keys.coalition.privateKeyPem);
      await lee.getByRole('button', { name: 'Publish this version' }).click();
      await lee.waitForURL((url) => url.searchParams.get('done') === 'action-carried-out');

      // The public page: text, hash, both signatures, and a bundle that verifies offline.
      const visitor = await (await browser.newContext()).newPage();
      await visitor.goto(`${server.baseUrl}/`);
      await visitor.getByRole('link', { name: 'Publications' }).click();
      await expectAccessible(visitor);
      await visitor.getByRole('link', { name: 'Policy' }).click();
      await expectAccessible(visitor);
      expect(await visitor.getByTestId('published-text').textContent()).toContain(
        'never attend them',
      );
      const hash = (await visitor.getByTestId('hash').textContent()) ?? '';
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      const signatures = await visitor.getByTestId('signature').allTextContents();
      expect(signatures.join('\n')).toContain(board);
      expect(signatures.join('\n')).toContain(coalition);
      const downloading = visitor.waitForEvent('download');
      await visitor.getByRole('link', { name: 'the publication bundle' }).click();
      const bundle = JSON.parse(
        await readFile(await (await downloading).path(), 'utf8'),
      ) as unknown;
      const verdict = verifyPublicationBundle(bundle);
      expect(verdict.ok).toBe(true);
      expect(JSON.stringify(bundle)).toContain(hash);
    },
  );

  it(
    'a marked download is recorded in the access log, and a non-member is refused with a reason',
    { timeout: 120_000 },
    async () => {
      const sam = pages.sam as Page;
      const vic = pages.vic as Page;
      await sam.goto(base());
      await sam.getByRole('link', { name: 'Policy' }).click();
      const downloading = sam.waitForEvent('download');
      await sam.getByRole('button', { name: /Download version \d+ \(marked for you\)/ }).click();
      const copy = await readFile(await (await downloading).path(), 'utf8');
      expect(copy).toContain('This copy was made for');
      expect(copy).toContain('sam');
      await sam.goto(base());
      expect(await sam.getByTestId('access-log').textContent()).toMatch(
        /sam\s*Northmoor Health Board\s*Downloaded a marked copy/,
      );
      await expectAccessible(sam);

      for (const path of ['', '/documents/1', '/documents/1/versions/1']) {
        const response = await vic.goto(`${base()}${path}`);
        expect(response?.status()).toBe(403);
        expect(response?.headers()['cache-control']).toContain('no-store');
        expect(await vic.locator('main').textContent()).toContain(
          'you are not a member of any of its parties',
        );
        await expectAccessible(vic);
      }
    },
  );
});

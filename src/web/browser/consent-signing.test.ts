import { generateKeyPairSync } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  agreedStatementBytes,
  consentBytes,
  verifyConsent,
  type AgreedStatement,
  type ConsentStatement,
} from '../../coproduction/consent-statement.js';
import { canonicalJson } from '../../record/canonical-json.js';
import { verify } from 'node:crypto';
import { launchBrowser } from '../test-support/browser.js';

// A secure context (WebCrypto needs one), served by the routes below, not a server.
const origin = 'http://localhost:9';

const statement: ConsentStatement = {
  statement: 'simwatch co-production consent, version 1',
  agreement: '0b7d8f7e-5d0c-4c55-9d43-1f0e0c6c9a11',
  action: { number: 3, kind: 'publish' },
  subjectHash: 'a'.repeat(64),
  effectiveOn: '2027-01-15',
};

/** A page like the consent form: the statement, the key picker and the signature box. */
function consentPage(shown: string, textFrom?: string): string {
  const escaped = shown.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<!DOCTYPE html><html lang="en"><head><title>Sign</title>
<script type="module">import { enhance } from '/consent-signing.js'; enhance(document.querySelector('[data-simwatch-consent-signing]')); document.body.dataset.ready = 'yes';</script>
</head><body><div data-simwatch-consent-signing>
<pre data-statement${textFrom ? ` data-text-from="${textFrom}"` : ''}>${escaped}</pre>
<textarea id="text">Both parties agreed “version 4” — it was not published.</textarea>
<div data-key-picker hidden><label for="key">Key file</label><input id="key" type="file" data-key-file>
<button type="button" data-sign>Sign with the key file</button><p data-sign-status></p></div>
<label for="signature">Signature</label><textarea id="signature" name="signature"></textarea>
</div></body></html>`;
}

async function openPage(page: Page, html: string): Promise<void> {
  const script = await readFile(new URL('../../../public/js/consent-signing.js', import.meta.url));
  await page.route(`${origin}/**`, (route) =>
    route.request().url().endsWith('/consent-signing.js')
      ? route.fulfill({ body: script, contentType: 'text/javascript' })
      : route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
  );
  await page.goto(`${origin}/sign`);
  await page.waitForSelector('body[data-ready="yes"]');
}

function newKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

describe('consent-signing.js, in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser.close();
  });

  it('signs the shown statement with a PKCS #8 key file so that node’s verifyConsent accepts it', async () => {
    const keys = newKeyPair();
    const page = await browser.newPage();
    await openPage(page, consentPage(consentBytes(statement).toString('utf8')));
    expect(await page.locator('[data-key-picker]').isVisible()).toBe(true);
    await page.locator('#key').setInputFiles({
      name: 'party.key',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(keys.privateKeyPem),
    });
    await page.getByRole('button', { name: 'Sign with the key file' }).click();
    await expect.poll(() => page.locator('#signature').inputValue()).not.toBe('');
    const signature = await page.locator('#signature').inputValue();
    expect(verifyConsent(statement, signature, keys.publicKeyPem)).toBe(true);
    // The key file input is cleared and was never part of what a form would send.
    expect(await page.locator('#key').getAttribute('name')).toBeNull();
    expect(await page.locator('#key').inputValue()).toBe('');
    // Consent to another version is another statement: the signature does not carry over.
    const other = { ...statement, subjectHash: 'b'.repeat(64) };
    expect(verifyConsent(other, signature, keys.publicKeyPem)).toBe(false);
    await page.close();
  });

  it('signs an agreed statement with the text typed on the page, canonicalised as node does', async () => {
    const keys = newKeyPair();
    const page = await browser.newPage();
    const base = {
      statement: 'simwatch co-production agreed-not-published, version 1',
      agreement: statement.agreement,
      action: 3,
      subjectHash: statement.subjectHash,
      text: '',
    };
    await openPage(page, consentPage(canonicalJson(base), 'text'));
    await page.locator('#key').setInputFiles({
      name: 'party.key',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(keys.privateKeyPem),
    });
    await page.getByRole('button', { name: 'Sign with the key file' }).click();
    await expect.poll(() => page.locator('#signature').inputValue()).not.toBe('');
    const signature = Buffer.from(await page.locator('#signature').inputValue(), 'base64');
    const signed: AgreedStatement = {
      ...(base as AgreedStatement),
      text: await page.locator('#text').inputValue(),
    };
    expect(verify(null, agreedStatementBytes(signed), keys.publicKeyPem, signature)).toBe(true);
    await page.close();
  });

  it('says so, and signs nothing, when the file chosen is not a private key', async () => {
    const keys = newKeyPair();
    const page = await browser.newPage();
    await openPage(page, consentPage(consentBytes(statement).toString('utf8')));
    await page.locator('#key').setInputFiles({
      name: 'party.pub',
      mimeType: 'application/x-pem-file',
      buffer: Buffer.from(keys.publicKeyPem),
    });
    await page.getByRole('button', { name: 'Sign with the key file' }).click();
    await expect
      .poll(() => page.locator('[data-sign-status]').textContent())
      .toContain('This file is not a private key');
    expect(await page.locator('#signature').inputValue()).toBe('');
    await page.close();
  });
});

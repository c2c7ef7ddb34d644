import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

/** The signposting region's markup, as the layout includes it on every page. */
function crisisSupport(html: string): string {
  const match = /<aside class="simwatch-crisis-support"[\s\S]*?<\/aside>/.exec(html);
  if (!match) throw new Error('The page has no crisis-support region');
  return match[0];
}

describe('crisis-support signposting', () => {
  let web: TestWebApp;

  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
  }, 120_000);
  afterAll(() => web.cleanUp());

  it.each([
    ['the home page', '/', 200],
    ['an organisation page', '/organisations/DEMO-T01', 200],
    ['a page that is not found', '/no-such-page', 404],
    ['the sign-in page', '/sign-in', 200],
  ])('is on %s, labelled, with numbers to call', async (_name, url, status) => {
    const response = await web.client().get(url);
    expect(response.statusCode).toBe(status);
    const region = crisisSupport(response.body);
    expect(region).toContain('aria-labelledby="crisis-support-heading"');
    expect(region).toContain('id="crisis-support-heading">If you need help now</h2>');
    expect(region).toContain('<a href="tel:116123">116 123</a>');
    expect(region).toContain('<a href="tel:111">111</a> and choose option 2');
    expect(region).toContain('<a href="tel:999">999</a>');
  });

  it('comes before the footer, so it is read before the support links', async () => {
    const html = (await web.client().get('/')).body;
    expect(html.indexOf('simwatch-crisis-support')).toBeLessThan(html.indexOf('nhsuk-footer'));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordAssurance } from '../register/assurances/assurances-service.js';
import { createTestWebApp, type TestWebApp } from './test-support/web-test-app.js';

describe('public pages are cached until the register changes', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
  });
  afterAll(async () => {
    await web.cleanUp();
  });

  it('serves a second visit from the cache, with the same headers', async () => {
    const first = await web.client().get('/api/organisations');
    const second = await web.client().get('/api/organisations');
    expect(first.headers['x-simwatch-cache']).toBeUndefined();
    expect(second.headers['x-simwatch-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['access-control-allow-origin']).toBe('*');
  });

  it('renders the page again once the register changes', async () => {
    const path = '/organisations/DEMO-T06';
    await web.client().get(path);
    expect((await web.client().get(path)).headers['x-simwatch-cache']).toBe('hit');
    await recordAssurance(
      web.deps,
      {
        organisationCode: 'DEMO-T06',
        givenOn: '2026-11-01',
        givenBy: 'Chief Executive',
        scope: 'never_used',
        text: 'A freshly recorded assurance that the practice was never used here.',
        source: 'FOI 2026/123',
      },
      'rita',
    );
    const after = await web.client().get(path);
    expect(after.headers['x-simwatch-cache']).toBeUndefined();
    expect(after.body).toContain('A freshly recorded assurance');
  });

  it('never serves cached pages to people signed in', async () => {
    const reviewer = await web.signedIn('rita');
    await web.client().get('/');
    const page = await reviewer.get('/');
    expect(page.headers['x-simwatch-cache']).toBeUndefined();
    expect(page.body).toContain('Sign out');
  });

  it('keys a page on the parameters it reads, so unknown ones add no entries', async () => {
    await web.client().get('/method');
    for (let index = 1; index <= 5; index += 1) {
      const page = await web.client().get(`/method?x=${String(index)}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['x-simwatch-cache'], `?x=${String(index)}`).toBe('hit');
    }
    await web.client().get('/organisations?kind=police_force');
    const sameFilter = await web.client().get('/organisations?utm_source=x&kind=police_force');
    expect(sameFilter.headers['x-simwatch-cache']).toBe('hit');
    const otherFilter = await web.client().get('/organisations?kind=mental_health_trust');
    expect(otherFilter.headers['x-simwatch-cache']).toBeUndefined();
    expect(otherFilter.body).not.toBe(sameFilter.body);
    await web.client().get('/api/findings?limit=2');
    const api = await web.client().get('/api/findings?cachebuster=1&limit=2');
    expect(api.headers['x-simwatch-cache']).toBe('hit');
  });
});

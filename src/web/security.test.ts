import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestWebApp, testPassword, type TestWebApp } from './test-support/web-test-app.js';
import { signInAttemptsPerMinute } from './sign-in/sign-in-routes.js';

describe('web security', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp();
  });
  afterAll(async () => {
    await web.cleanUp();
  });

  it('sends a Content Security Policy that allows no inline script or style', async () => {
    const response = await web.client().get('/sign-in');
    const policy = String(response.headers['content-security-policy']);
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(response.body).not.toMatch(/\sstyle="/);
  });

  it('signs in with the right password and sets an HttpOnly, SameSite session cookie', async () => {
    const client = web.client();
    const response = await client.post('/sign-in', {
      username: 'rita',
      password: testPassword,
      next: '/sign-in',
    });
    expect(response.statusCode).toBe(303);
    const cookie = response.cookies.find((each) => each.name === 'simwatch_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.secure).toBeFalsy();
    const page = await client.get('/sign-in?next=/method');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/method');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const response = await web.client().post('/sign-in', { username: 'rita', password: 'nope' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The username or password is not right');
    expect(response.body).toContain('nhsuk-error-summary');
    expect(response.body).not.toContain('Enter your password');
    expect(response.cookies.some((each) => each.name === 'simwatch_session')).toBe(false);
    const unknown = await web.client().post('/sign-in', { username: 'nobody', password: 'x' });
    expect(unknown.body).toContain('The username or password is not right');
  });

  it('names each empty field when signing in with nothing filled in', async () => {
    const response = await web.client().post('/sign-in', { username: '', password: '' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#username"');
    expect(response.body).toContain('href="#password"');
    expect(response.body).toContain('id="username-error"');
    expect(response.body).toContain('id="password-error"');
    expect(response.body).toContain('<title>Error: Sign in');
  });

  it('refuses a form without a valid CSRF token, and changes nothing', async () => {
    const client = web.client();
    const missing = await client.post('/sign-in', {
      username: 'rita',
      password: testPassword,
      _csrf: '',
    });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain('This form has expired');
    expect(missing.cookies.some((each) => each.name === 'simwatch_session')).toBe(false);
    const other = web.client();
    const forged = await client.post('/sign-in', {
      username: 'rita',
      password: testPassword,
      _csrf: await other.token(),
    });
    expect(forged.statusCode).toBe(403);
  });

  it('refuses a form token made for another session, even sent with the same seed cookie', async () => {
    const visitor = web.client();
    const signedOutToken = await visitor.token();
    const seed = visitor.cookie('simwatch_csrf') ?? '';
    const rita = await web.signedIn('rita');
    rita.setCookie('simwatch_csrf', seed);
    const ritaToken = await rita.token();
    expect(ritaToken).not.toBe(signedOutToken);
    const sam = await web.signedIn('sam');
    sam.setCookie('simwatch_csrf', seed);
    for (const [client, token] of [
      [sam, ritaToken],
      [rita, signedOutToken],
    ] as const) {
      const refused = await client.post('/sign-out', { _csrf: token });
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain('This form has expired');
    }
    expect((await rita.get('/workspace')).statusCode).toBe(200);
    expect((await rita.post('/sign-out', { _csrf: ritaToken })).statusCode).toBe(303);
  });

  it('ends the session on signing out, so the old cookie no longer works', async () => {
    const client = await web.signedIn('vic');
    expect((await client.get('/sign-in')).statusCode).toBe(303);
    const out = await client.post('/sign-out');
    expect(out.statusCode).toBe(303);
    expect((await client.get('/sign-in')).statusCode).toBe(200);
  });

  it('marks cookies Secure when a trusted proxy says the request came over HTTPS', async () => {
    const behindProxy = await createTestWebApp({ env: { SIMWATCH_TRUST_PROXY: '1' } });
    try {
      const response = await behindProxy.app.inject({
        method: 'GET',
        url: '/sign-in',
        headers: { 'x-forwarded-proto': 'https' },
      });
      // Over HTTPS the seed is a __Host- cookie: Secure, path /, no domain, so no other host sets it.
      const cookie = response.cookies.find((each) => each.name === '__Host-simwatch_csrf');
      expect(cookie?.secure).toBe(true);
      expect(cookie?.path).toBe('/');
      expect(cookie?.domain).toBeUndefined();
      expect(response.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await behindProxy.cleanUp();
    }
  });

  it('counts sign-in attempts by the address the proxy saw, whatever X-Forwarded-For the client sends', async () => {
    const behindProxy = await createTestWebApp({ env: { SIMWATCH_TRUST_PROXY: '1' } });
    try {
      const client = behindProxy.client();
      const token = await client.token();
      const statuses: number[] = [];
      for (let attempt = 0; attempt <= signInAttemptsPerMinute; attempt += 1) {
        const response = await behindProxy.app.inject({
          method: 'POST',
          url: '/sign-in',
          remoteAddress: '10.0.0.1',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            cookie: `simwatch_csrf=${client.cookie('simwatch_csrf') ?? ''}`,
            // The client writes its own entries; the proxy appends the address it saw.
            'x-forwarded-for': `198.51.100.${String(attempt)}, 203.0.113.7`,
          },
          payload: new URLSearchParams({
            username: 'rita',
            password: 'x',
            _csrf: token,
          }).toString(),
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, -1).every((status) => status === 400)).toBe(true);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await behindProxy.cleanUp();
    }
  });

  it('limits attempts to sign in to one account from one address', async () => {
    const client = web.client();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= signInAttemptsPerMinute; attempt += 1)
      statuses.push(
        (await client.post('/sign-in', { username: 'rita', password: 'x' })).statusCode,
      );
    expect(statuses.slice(0, -1).every((status) => status === 400 || status === 429)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const limited = await client.post('/sign-in', { username: 'rita', password: testPassword });
    expect(limited.statusCode).toBe(429);
    expect(limited.body).toContain('Too many attempts');
    // Other accounts can still sign in from the same address.
    expect(
      (await web.client().post('/sign-in', { username: 'sam', password: testPassword })).statusCode,
    ).toBe(303);
  });

  it('never sends a visitor to another site after signing in', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const page = await web.client().get(`/sign-in?next=${encodeURIComponent(next)}`);
      expect(page.body).toContain('name="next" value="/workspace"');
    }
  });

  it('sends a visitor to the workspace, not an error, when the address to return to is not ASCII', async () => {
    const next = '/workspace/documents?q=\u0100\u4e2d';
    const page = await web.client().get(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('name="next" value="/workspace"');
    const reviewer = await web.signedIn('rita');
    const signedIn = await reviewer.get(`/sign-in?next=${encodeURIComponent(next)}`);
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/workspace');
    const posted = await web
      .client()
      .post('/sign-in', { username: 'sam', password: testPassword, next });
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe('/workspace');
  });

  it('tells browsers and proxies to keep nothing sent to a signed-in session, nor the sign-in page', async () => {
    const reviewer = await web.signedIn('rita');
    for (const path of [
      '/',
      '/workspace',
      '/workspace/findings',
      '/documents/1',
      '/no/such/page',
    ]) {
      const response = await reviewer.get(path);
      expect(response.headers['cache-control'], path).toBe('no-store');
    }
    const signInPage = await web.client().get('/sign-in');
    expect(signInPage.headers['cache-control']).toBe('no-store');
    const failed = await web.client().post('/sign-in', { username: 'vic', password: 'x' });
    expect(failed.headers['cache-control']).toBe('no-store');
    expect((await web.client().get('/method')).headers['cache-control']).not.toBe('no-store');
  });

  it('writes the configured address in the feed and the API description, never a forged Host', async () => {
    const configured = await createTestWebApp({
      env: { SIMWATCH_PUBLIC_URL: 'https://register.example.org/' },
    });
    try {
      for (const path of ['/feed.atom', '/api/openapi.json']) {
        const response = await configured.app.inject({
          method: 'GET',
          url: path,
          headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
        });
        expect(response.statusCode, path).toBe(200);
        expect(response.body, path).not.toContain('evil.example');
        expect(response.body, path).toContain('https://register.example.org');
      }
    } finally {
      await configured.cleanUp();
    }
  });

  it('shows a page, not internals, for an address that does not exist', async () => {
    const response = await web.client().get('/no/such/page');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    const api = await web.client().get('/api/no-such-thing');
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('shows no internal message or stack trace when something breaks', async () => {
    const production = await createTestWebApp({ env: { NODE_ENV: 'production' } });
    try {
      production.app.get('/broken', { config: { access: 'public' } }, () => {
        throw new Error('secret internal detail at /srv/simwatch/db.ts:42');
      });
      const page = await production.client().get('/broken');
      expect(page.statusCode).toBe(500);
      expect(page.body).toContain('Sorry, there is a problem with the service');
      expect(page.body).not.toContain('secret internal detail');
      expect(page.body).not.toContain('db.ts');
    } finally {
      await production.cleanUp();
    }
  });
});

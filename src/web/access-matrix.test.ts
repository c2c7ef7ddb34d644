import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { mayAccess, type Role } from '../accounts/roles.js';
import {
  createTestWebApp,
  testUsers,
  type TestClient,
  type TestWebApp,
} from './test-support/web-test-app.js';

/** Values for route parameters that exist in the demonstration register and test accounts. */
const parameterValues: Record<string, string> = {
  code: 'DEMO-T01',
  id: '1',
  findingId: '1',
  doc: '1',
  action: '1',
  n: '1',
  username: testUsers.viewer.username,
  table: 'organisations',
  file: 'organisations.csv',
  ref: 'SW-FOI-000001',
  reply: '1',
};

/** A route's path with its parameters filled in. */
function concretePath(url: string): string {
  return url.replace(/:([a-zA-Z]+)/g, (_match, name: string) => {
    const value = parameterValues[name];
    if (value === undefined) throw new Error(`The matrix has no value for ":${name}" in ${url}`);
    return value;
  });
}

const identities: { name: string; role: Role | null; username?: string }[] = [
  { name: 'signed out', role: null },
  { name: 'viewer', role: 'viewer', username: testUsers.viewer.username },
  { name: 'reviewer', role: 'reviewer', username: testUsers.reviewer.username },
  { name: 'administrator', role: 'administrator', username: testUsers.administrator.username },
];

function refused(response: LightMyRequestResponse, role: Role | null): boolean {
  if (role !== null) return response.statusCode === 403;
  return (
    response.statusCode === 401 ||
    (response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in'))
  );
}

/**
 * Co-production drafts are for their parties' members whatever the role (the demo's agreement has
 * its own members): that refusal is tested in src/web/coproduction, not by this matrix of roles.
 */
function refusedAsNonMember(response: LightMyRequestResponse): boolean {
  return (
    response.statusCode === 403 &&
    response.body.includes('you are not a member of any of its parties')
  );
}

describe('every route checks the role of whoever asks (the access matrix)', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
  });
  afterAll(async () => {
    await web.cleanUp();
  });

  it('has routes for every level of access', () => {
    const levels = new Set(web.app.routeTable.map((route) => route.access));
    expect([...levels].sort()).toEqual(['administrator', 'public', 'reviewer', 'viewer']);
  });

  it('lets in exactly the roles each route allows, for every route', async () => {
    const routes = web.app.routeTable.filter(
      (route) => !route.url.startsWith('/assets/') && !route.url.includes('*'),
    );
    const wrong: string[] = [];
    for (const route of routes) {
      const path = concretePath(route.url);
      for (const identity of identities) {
        // A fresh client each time: a POST may sign out or change the account it runs as.
        const client: TestClient = identity.username
          ? await web.signedIn(identity.username)
          : web.client();
        const response =
          route.method === 'GET' ? await client.get(path) : await client.post(path, {});
        const allowed = mayAccess(identity.role, route.access);
        const refusedByRole = refused(response, identity.role) && !refusedAsNonMember(response);
        if (allowed && (refusedByRole || response.statusCode === 401))
          wrong.push(`${route.method} ${path} refused ${identity.name} (${response.statusCode})`);
        if (!allowed && !refused(response, identity.role))
          wrong.push(`${route.method} ${path} let in ${identity.name} (${response.statusCode})`);
        if (response.statusCode >= 500)
          wrong.push(
            `${route.method} ${path} failed for ${identity.name} (${response.statusCode})`,
          );
      }
    }
    expect(wrong).toEqual([]);
  });
});

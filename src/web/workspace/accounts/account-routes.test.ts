import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { testDatabases } from '../../../test-support/register-databases.js';
import { authenticate, findUser } from '../../../accounts/users-service.js';
import {
  createTestWebApp,
  testPassword,
  type TestClient,
  type TestWebApp,
} from '../../test-support/web-test-app.js';

const newPassword = 'purple elephants dance slowly';

for (const database of testDatabases()) {
  describe(`the account pages on ${database.name}`, () => {
    let web: TestWebApp;
    let ada: TestClient;

    beforeAll(async () => {
      web = await createTestWebApp({ database });
      ada = await web.signedIn('ada');
    });

    afterAll(async () => {
      await web.cleanUp();
    });

    const db = () => web.deps.database.db;

    it('lists every account with its role and whether it can sign in', async () => {
      const response = await ada.get('/workspace/accounts');
      expect(response.statusCode).toBe(200);
      for (const username of ['ada', 'rita', 'sam', 'vic'])
        expect(response.body).toContain(`href="/workspace/accounts/${username}/edit"`);
      expect(response.body).toContain('Administrator');
      expect(response.body).toContain('Viewer');
    });

    it('creates an account that can then sign in with its password, which no page shows', async () => {
      const form = await ada.get('/workspace/accounts/new');
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain('Reviewer: can also upload documents');
      const response = await ada.post('/workspace/accounts', {
        username: 'Nina',
        displayName: 'Nina New',
        role: 'reviewer',
        newPassword,
        confirmPassword: newPassword,
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/workspace/accounts?done=account-created');
      expect(response.headers.location).not.toContain('elephants');
      expect(await findUser(db(), 'nina')).toMatchObject({
        displayName: 'Nina New',
        role: 'reviewer',
        disabled: false,
        createdBy: 'ada',
      });
      const next = await ada.get(response.headers.location as string);
      expect(next.body).toContain('The account has been created.');
      expect(next.body).not.toContain('elephants');
      const nina = web.client();
      expect(
        (await nina.post('/sign-in', { username: 'nina', password: newPassword })).statusCode,
      ).toBe(303);
      expect((await nina.get('/workspace/assurances/new')).statusCode).toBe(200);
    });

    it('re-renders the new account form with errors, keeping what was typed but never a password', async () => {
      const response = await ada.post('/workspace/accounts', {
        username: 'rita',
        displayName: 'Second Rita',
        role: '',
        newPassword: 'short',
        confirmPassword: 'short',
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('href="#username"');
      expect(response.body).toContain('This username is already taken');
      expect(response.body).toContain('href="#role"');
      expect(response.body).toContain('href="#newPassword"');
      expect(response.body).toContain('at least 12 characters');
      expect(response.body).toContain('value="Second Rita"');
      expect(response.body).not.toContain('value="short"');

      const mismatch = await ada.post('/workspace/accounts', {
        username: 'x',
        displayName: 'X',
        role: 'viewer',
        newPassword,
        confirmPassword: `${newPassword}!`,
      });
      expect(mismatch.statusCode).toBe(400);
      expect(mismatch.body).toContain('href="#username"');
      expect(mismatch.body).toContain('href="#confirmPassword"');
      expect(mismatch.body).toContain('The passwords do not match');
      expect(mismatch.body).not.toContain(newPassword);
    });

    it('refuses account pages to reviewers and viewers', async () => {
      for (const username of ['rita', 'vic']) {
        const client = await web.signedIn(username);
        for (const url of [
          '/workspace/accounts',
          '/workspace/accounts/new',
          '/workspace/accounts/vic/edit',
        ])
          expect((await client.get(url)).statusCode).toBe(403);
        const created = await client.post('/workspace/accounts', {
          username: 'sneaky',
          displayName: 'Sneaky',
          role: 'administrator',
          newPassword,
          confirmPassword: newPassword,
        });
        expect(created.statusCode).toBe(403);
        const promoted = await client.post(`/workspace/accounts/${username}`, {
          role: 'administrator',
          status: 'enabled',
        });
        expect(promoted.statusCode).toBe(403);
        const reset = await client.post('/workspace/accounts/ada/password', {
          newPassword,
          confirmPassword: newPassword,
        });
        expect(reset.statusCode).toBe(403);
      }
      expect(await findUser(db(), 'sneaky')).toBeUndefined();
      expect((await findUser(db(), 'rita'))?.role).toBe('reviewer');
      expect(await authenticate(db(), 'ada', testPassword)).toBeDefined();
    });

    it('refuses to demote or disable the last administrator, as a form error', async () => {
      for (const change of [
        { role: 'reviewer', status: 'enabled' },
        { role: 'administrator', status: 'disabled' },
      ]) {
        const response = await ada.post('/workspace/accounts/ada', change);
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('There is a problem');
        expect(response.body).toContain('href="#role"');
        expect(response.body).toContain('Cannot remove the last administrator');
      }
      expect(await findUser(db(), 'ada')).toMatchObject({ role: 'administrator', disabled: false });
    });

    it('changes a role, and a disabled account can no longer use its session', async () => {
      const vic = await web.signedIn('vic');
      expect((await vic.get('/workspace/password')).statusCode).toBe(200);

      const promoted = await ada.post('/workspace/accounts/vic', {
        role: 'reviewer',
        status: 'enabled',
      });
      expect(promoted.statusCode).toBe(303);
      expect(promoted.headers.location).toBe('/workspace/accounts?done=account-updated');
      expect((await findUser(db(), 'vic'))?.role).toBe('reviewer');
      expect((await vic.get('/workspace/organisations')).statusCode).toBe(200);

      const disabled = await ada.post('/workspace/accounts/vic', {
        role: 'reviewer',
        status: 'disabled',
      });
      expect(disabled.statusCode).toBe(303);
      expect((await findUser(db(), 'vic'))?.disabled).toBe(true);
      const after = await vic.get('/workspace/password');
      expect(after.statusCode).toBe(303);
      expect(after.headers.location).toMatch(/^\/sign-in/);
      const signIn = await web
        .client()
        .post('/sign-in', { username: 'vic', password: testPassword });
      expect(signIn.statusCode).toBe(400);

      const enabled = await ada.post('/workspace/accounts/vic', {
        role: 'viewer',
        status: 'enabled',
      });
      expect(enabled.statusCode).toBe(303);
      expect(await findUser(db(), 'vic')).toMatchObject({ role: 'viewer', disabled: false });
    });

    it('lets an administrator set a new password for an account, which signs it out', async () => {
      const sam = await web.signedIn('sam');
      const response = await ada.post('/workspace/accounts/sam/password', {
        newPassword,
        confirmPassword: newPassword,
      });
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe('/workspace/accounts?done=account-password-set');
      expect((await sam.get('/workspace/password')).statusCode).toBe(303);
      expect(await authenticate(db(), 'sam', newPassword)).toBeDefined();
      expect(await authenticate(db(), 'sam', testPassword)).toBeUndefined();
    });

    describe('changing your own password', () => {
      it('works with the new password, not the old, and keeps you signed in here only', async () => {
        const rita = await web.signedIn('rita');
        const elsewhere = await web.signedIn('rita');
        const form = await rita.get('/workspace/password');
        expect(form.statusCode).toBe(200);
        expect(form.body).toContain('autocomplete="current-password"');

        const response = await rita.post('/workspace/password', {
          currentPassword: testPassword,
          newPassword,
          confirmPassword: newPassword,
        });
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toBe('/workspace/password?done=password-changed');
        const next = await rita.get(response.headers.location as string);
        expect(next.statusCode).toBe(200);
        expect(next.body).toContain('Your password has been changed.');
        expect((await elsewhere.get('/workspace/password')).statusCode).toBe(303);

        const withOld = await web
          .client()
          .post('/sign-in', { username: 'rita', password: testPassword });
        expect(withOld.statusCode).toBe(400);
        const withNew = await web
          .client()
          .post('/sign-in', { username: 'rita', password: newPassword });
        expect(withNew.statusCode).toBe(303);
      });

      it('refuses a wrong current password and a mismatched new one, changing nothing', async () => {
        const vic = await web.signedIn('vic');
        const wrong = await vic.post('/workspace/password', {
          currentPassword: 'not my password at all',
          newPassword,
          confirmPassword: newPassword,
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.body).toContain('href="#currentPassword"');
        expect(wrong.body).toContain('Your current password is not right');
        expect(wrong.body).not.toContain('not my password at all');

        const mismatch = await vic.post('/workspace/password', {
          currentPassword: testPassword,
          newPassword,
          confirmPassword: 'something else entirely',
        });
        expect(mismatch.statusCode).toBe(400);
        expect(mismatch.body).toContain('href="#confirmPassword"');
        expect(await authenticate(db(), 'vic', testPassword)).toBeDefined();
        expect((await vic.get('/workspace/password')).statusCode).toBe(200);
      });

      it('is not open to someone signed out', async () => {
        const response = await web.client().post('/workspace/password', {
          currentPassword: testPassword,
          newPassword,
          confirmPassword: newPassword,
        });
        expect(response.statusCode).toBe(401);
      });
    });
  });
}

import { generateKeyPairSync } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createUser } from '../../accounts/users-service.js';
import {
  agreedStatementBytes,
  signConsent,
  type AgreedStatement,
  type ConsentStatement,
} from '../../coproduction/consent-statement.js';
import { sign } from 'node:crypto';
import { verifyPublicationBundle } from '../../coproduction/publication-bundle.js';
import {
  addVersion,
  createAgreement,
  proposeAction,
} from '../../register/coproduction/coproduction-service.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { createTestWebApp, testPassword, type TestWebApp } from '../test-support/web-test-app.js';

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** The exact statement the action page shows (what a member signs). */
function shownStatement(body: string): ConsentStatement {
  const text = /data-testid="statement">([^<]*)<\/pre>/.exec(body)?.[1] ?? '';
  return JSON.parse(text.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as ConsentStatement;
}

for (const database of testDatabases()) {
  describe(`the co-production pages (${database.name})`, () => {
    let web: TestWebApp;
    let agreementId: number;
    /** The app's clock, moved on by the test of a date that passed. */
    let clock = new Date();
    const keys = { board: keyPair(), coalition: keyPair() };

    /** Gives a party's consent through the action page's form, as pasted from the CLI. */
    async function consent(username: string, actionId: number, privateKeyPem: string) {
      const client = await web.signedIn(username);
      const page = await client.get(`/workspace/agreements/${agreementId}/actions/${actionId}`);
      return client.post(`/workspace/agreements/${agreementId}/actions/${actionId}/consent`, {
        signature: signConsent(shownStatement(page.body), privateKeyPem),
      });
    }

    beforeAll(async () => {
      web = await createTestWebApp({ database, now: () => clock });
      for (const username of ['lee', 'mo'])
        await createUser(
          web.deps,
          { username, displayName: username, role: 'viewer', password: testPassword },
          'test',
        );
      ({ agreementId } = await createAgreement(
        web.deps,
        {
          title: 'Joint policy',
          purpose: 'Write it together',
          principles: ['Equal partnership'],
          termsText: 'Both consent to everything binding.',
          draftsOnDissolution: 'kept_confidential',
          parties: [
            {
              name: 'Northmoor Health Board',
              organisationCode: null,
              publicKeyPem: keys.board.publicKeyPem,
              members: [
                { username: 'rita', mayAct: true },
                { username: 'sam', mayAct: false },
              ],
            },
            {
              name: 'Coalition for Safe Care',
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
      const agreement = await (
        await web.signedIn('rita')
      ).get(`/workspace/agreements/${agreementId}`);
      expect(agreement.statusCode).toBe(200);
      const terms = Number(/\/actions\/(\d+)">Action 1:/.exec(agreement.body)?.[1]);
      const first = await consent('rita', terms, keys.board.privateKeyPem);
      expect(first.statusCode).toBe(303);
      expect((await consent('lee', terms, keys.coalition.privateKeyPem)).statusCode).toBe(303);
      await addVersion(
        web.deps,
        { agreementId, title: 'Policy', content: 'Draft one.\n', note: 'First' },
        'rita',
      );
    }, 120_000);
    afterAll(async () => {
      await web.cleanUp();
    });

    it('refuses a non-member with a 403 page that says why, and is never cached', async () => {
      const vic = await web.signedIn('vic');
      for (const path of ['', '/documents/1', '/meetings/new', '/actions/new']) {
        const response = await vic.get(`/workspace/agreements/${agreementId}${path}`);
        expect(response.statusCode).toBe(403);
        expect(response.body).toContain('you are not a member of any of its parties');
        expect(response.headers['cache-control']).toContain('no-store');
      }
      const members = await web.signedIn('sam');
      const page = await members.get(`/workspace/agreements/${agreementId}`);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toContain('no-store');
    });

    it('records a view of a version in the access log every party sees', async () => {
      const sam = await web.signedIn('sam');
      expect((await sam.get(`/workspace/agreements/${agreementId}/documents/1`)).statusCode).toBe(
        200,
      );
      const log = await (await web.signedIn('lee')).get(`/workspace/agreements/${agreementId}`);
      expect(log.body).toMatch(
        /<td>sam<\/td><td>Northmoor Health Board<\/td><td>Viewed document 1, version 1/,
      );
    });

    it('offers each party a witness file of the record, with the commands that keep it', async () => {
      const page = await (await web.signedIn('lee')).get(`/workspace/agreements/${agreementId}`);
      expect(page.body).toContain('href="/record/witness.json"');
      expect(page.body).toContain('simwatch witness check simwatch-witness.json');
      const witness = await web.client().get('/record/witness.json');
      expect(witness.statusCode).toBe(200);
      const file = JSON.parse(witness.body) as { format: string; checkpoints: unknown[] };
      expect(file.format).toBe('simwatch witness, version 1');
      expect(file.checkpoints.length).toBeGreaterThan(0);
    });

    it('refuses a signature by the wrong key, naming the party, and keeps the form', async () => {
      const today = web.deps.now().toISOString().slice(0, 10);
      const { actionId } = await proposeAction(
        web.deps,
        {
          agreementId,
          subject: { kind: 'publish', documentId: 1, versionNumber: 1 },
          effectiveOn: today,
        },
        'rita',
      );
      const wrong = await consent('lee', actionId, keys.board.privateKeyPem);
      expect(wrong.statusCode).toBe(400);
      expect(wrong.body).toContain('There is a problem');
      expect(wrong.body).toContain('Coalition for Safe Care');
      const empty = await (
        await web.signedIn('lee')
      ).post(`/workspace/agreements/${agreementId}/actions/${actionId}/consent`, { signature: '' });
      expect(empty.statusCode).toBe(400);
      expect(empty.body).toContain('Enter your party’s signature');
    });

    it('publishes only with both parties’ consent, then serves a bundle that verifies offline', async () => {
      const today = web.deps.now().toISOString().slice(0, 10);
      const { actionId } = await proposeAction(
        web.deps,
        {
          agreementId,
          subject: { kind: 'publish', documentId: 1, versionNumber: 1 },
          effectiveOn: today,
        },
        'lee',
      );
      const rita = await web.signedIn('rita');
      const carryOut = `/workspace/agreements/${agreementId}/actions/${actionId}/carry-out`;
      await consent('rita', actionId, keys.board.privateKeyPem);
      const refused = await rita.post(carryOut);
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain('Coalition for Safe Care');
      expect((await web.client().get('/publications')).body).toContain(
        'Nothing has been published yet',
      );
      await consent('mo', actionId, keys.coalition.privateKeyPem);
      expect((await rita.post(carryOut)).statusCode).toBe(303);
      const list = await web.client().get('/publications');
      const id = Number(/href="\/publications\/(\d+)"/.exec(list.body)?.[1]);
      const page = await web.client().get(`/publications/${id}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Draft one.');
      expect(page.body).toContain(`simwatch verify-publication publication-${id}.json`);
      const bundle = await web.client().get(`/publications/${id}.json`);
      expect(bundle.headers['content-type']).toContain('application/json');
      expect(verifyPublicationBundle(JSON.parse(bundle.body)).ok).toBe(true);
      expect((await web.client().get('/publications/999999')).statusCode).toBe(404);
      expect((await web.client().get('/publications/1.xml')).statusCode).toBe(404);
    });

    it('lets a party say, signed, that an agreed version was not published by the agreed date', async () => {
      const today = web.deps.now().toISOString().slice(0, 10);
      const { versionNumber } = await addVersion(
        web.deps,
        { agreementId, documentId: 1, content: 'Draft two.\n', note: 'Second' },
        'lee',
      );
      const { actionId } = await proposeAction(
        web.deps,
        {
          agreementId,
          subject: { kind: 'publish', documentId: 1, versionNumber },
          effectiveOn: today,
        },
        'rita',
      );
      await consent('rita', actionId, keys.board.privateKeyPem);
      await consent('lee', actionId, keys.coalition.privateKeyPem);
      const path = `/workspace/agreements/${agreementId}/actions/${actionId}`;
      const lee = await web.signedIn('lee');
      expect((await lee.get(path)).body).not.toContain('Say publicly that this version was agreed');
      clock = new Date(clock.getTime() + 3 * 24 * 3600 * 1000);
      // Three days on, Lee signs in again (sessions end sooner).
      const later = await web.signedIn('lee');
      const page = await later.get(path);
      expect(page.body).toContain('Say publicly that this version was agreed');
      const text = 'Both parties agreed this version; it was not published on the agreed date.';
      // Without JavaScript: the text is sent first, and the page shows the exact statement with it.
      const unsigned = await later.post(`${path}/agreed-statement`, { text });
      expect(unsigned.statusCode).toBe(400);
      expect(unsigned.body).toContain(
        'Sign the statement shown above, which now holds your text, and paste the signature',
      );
      const shown = JSON.parse(
        (/data-text-from="text">([^<]*)<\/pre>/.exec(unsigned.body)?.[1] ?? '').replace(
          /&quot;/g,
          '"',
        ),
      ) as AgreedStatement;
      expect(shown.text).toBe(text);
      const signature = sign(
        null,
        agreedStatementBytes(shown),
        keys.coalition.privateKeyPem,
      ).toString('base64');
      const published = await later.post(`${path}/agreed-statement`, { text, signature });
      expect(
        /nhsuk-error-summary__list">\s*<li>\s*<a[^>]*>\s*([^<]*)/.exec(published.body)?.[1],
      ).toBeUndefined();
      expect(published.statusCode).toBe(303);
      const list = await web.client().get('/publications');
      expect(list.body).toContain('Statement that an agreed version was not published');
      const id = Math.max(
        ...[...list.body.matchAll(/href="\/publications\/(\d+)"/g)].map((m) => Number(m[1])),
      );
      const statement = await web.client().get(`/publications/${id}`);
      expect(statement.body).toContain(text);
      expect(statement.body).toContain('Statement by Coalition for Safe Care');
    });

    it('lets a party’s acting member add a member, who can then open the agreement', async () => {
      const path = `/workspace/agreements/${agreementId}`;
      const sam = await web.signedIn('sam');
      const refused = await sam.post(`${path}/members`, { username: 'vic', mayAct: 'no' });
      // Refused for sam's own party, saying why (not for "party 0", a number the form never showed).
      expect(refused.statusCode).toBe(403);
      expect(refused.body).toContain(
        'Cannot act for Northmoor Health Board: you take part in its work but may not act for it',
      );
      expect((await (await web.signedIn('vic')).get(path)).statusCode).toBe(403);
      const rita = await web.signedIn('rita');
      const added = await rita.post(`${path}/members`, { username: 'vic' });
      expect(added.statusCode).toBe(303);
      expect((await (await web.signedIn('vic')).get(path)).statusCode).toBe(200);
      await rita.post(`${path}/members`, { username: 'vic', remove: 'yes' });
      expect((await (await web.signedIn('vic')).get(path)).statusCode).toBe(403);
    });
  });
}

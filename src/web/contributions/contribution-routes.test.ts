import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decideFindings } from '../../register/findings/bulk-triage-service.js';
import { decideFinding } from '../../register/findings/findings-service.js';

import {
  createTestWebApp,
  testUsers,
  type TestClient,
  type TestWebApp,
} from '../test-support/web-test-app.js';

const report = {
  page: '/organisations/DEMO-T03',
  problem: 'The board paper is dated 2022, not 2021.',
  name: 'Alex',
  email: 'alex@example.org',
};

describe('corrections and submissions from the public', () => {
  let web: TestWebApp;
  let reviewer: TestClient;

  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
    reviewer = await web.signedIn(testUsers.reviewer.username);
  }, 120_000);
  afterAll(() => web.cleanUp());

  it('links both forms from every page footer', async () => {
    const home = await web.client().get('/');
    expect(home.body).toContain('href="/corrections">Report an error</a>');
    expect(home.body).toContain('href="/submit">Send a document or a tip</a>');
  });

  it('refuses a report sent without the form’s CSRF token, even from a visitor', async () => {
    const sent = await web.client().post('/corrections', { ...report, _csrf: 'forged' });
    expect(sent.statusCode).toBe(403);
  });

  it('stores a report for reviewers only, who mark it resolved with a note', async () => {
    const visitor = web.client();
    const form = await visitor.get('/corrections?page=%2Fdocuments%2F3');
    expect(form.body).toContain('value="/documents/3"');
    expect(form.body).toContain('Do not include anyone&#39;s personal details');
    const sent = await visitor.post('/corrections', report);
    expect(sent.statusCode).toBe(303);
    expect((await visitor.get(sent.headers.location as string)).body).toContain(
      'Thank you: your report has been sent',
    );
    expect((await web.client().get('/workspace/corrections')).statusCode).not.toBe(200);
    const list = await reviewer.get('/workspace/corrections');
    expect(list.body).toContain('Open: /organisations/DEMO-T03');
    expect(list.body).toContain('alex@example.org');
    const id = /\/workspace\/corrections\/([0-9a-f-]{36})\/resolve/.exec(list.body)?.[1] ?? '';
    expect(
      (await reviewer.post(`/workspace/corrections/${id}/resolve`, { note: '' })).body,
    ).toContain('Enter a note on what was done');
    const resolved = await reviewer.post(`/workspace/corrections/${id}/resolve`, {
      note: 'Date corrected',
    });
    expect(resolved.statusCode).toBe(303);
    expect((await reviewer.get('/workspace/corrections')).body).toContain(': Date corrected');
  });

  it('names each mistake in a report', async () => {
    const sent = await web.client().post('/corrections', { page: '', problem: '', email: 'alex' });
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('Enter the page or the evidence that is wrong');
    expect(sent.body).toContain('Enter what is wrong');
    expect(sent.body).toContain('Enter an email address in the correct format');
  });

  it('stores a tip for reviewers only', async () => {
    const sent = await web.client().postMultipart(
      '/submit',
      {
        kind: 'tip',
        organisation: '',
        text: 'Ask DEMO-T05 for its high intensity panel minutes.',
        url: '',
      },
      [],
    );
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/submit?sent=tip');
    expect((await reviewer.get('/workspace/submissions')).body).toContain(
      'Ask DEMO-T05 for its high intensity panel minutes.',
    );
  });

  it('screens a document into the reviewers’ queue, held back from the public until accepted', async () => {
    const sent = await web
      .client()
      .postMultipart(
        '/submit',
        { kind: 'document', organisation: 'DEMO-T06', text: 'From a board pack', url: '' },
        [
          {
            field: 'document',
            name: 'pack.txt',
            bytes: new TextEncoder().encode(
              'Board pack\n\nA police officer attends the monthly high intensity user panel and frequent callers cost the service over £200,000 a year.\n',
            ),
            type: 'text/plain',
          },
        ],
      );
    expect(sent.statusCode).toBe(303);
    await web.deps.uploadQueue.idle();
    const document = await web.deps.database.db
      .selectFrom('documents')
      .select(['id', 'public', 'added_by'])
      .where('added_by', '=', 'public-submission')
      .executeTakeFirstOrThrow();
    expect(document.public).toBe(0);
    const findings = await web.deps.database.db
      .selectFrom('findings')
      .select(['id', 'status'])
      .where('document_id', '=', document.id)
      .execute();
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((finding) => finding.status === 'pending')).toBe(true);
    expect((await web.client().get(`/documents/${document.id}`)).statusCode).toBe(404);
    expect((await web.client().get(`/api/documents/${document.id}`)).statusCode).toBe(404);
    expect((await web.client().get('/organisations/DEMO-T06')).body).not.toContain(
      `/documents/${document.id}"`,
    );
    expect((await web.client().get('/')).body).not.toContain(`/documents/${document.id}"`);
    expect((await reviewer.get(`/documents/${document.id}`)).statusCode).toBe(200);

    const confirm = () =>
      decideFinding(web.deps, {
        findingId: findings[0]?.id ?? 0,
        reviewer: testUsers.reviewer.username,
        decision: 'confirm',
      });
    await expect(confirm()).rejects.toThrow(/no reviewer has accepted it yet/);
    await expect(
      decideFindings(web.deps, {
        findingIds: findings.map((finding) => finding.id),
        reviewer: testUsers.reviewer.username,
        decision: 'confirm',
      }),
    ).rejects.toThrow(/no reviewer has accepted it yet.*Nothing was recorded/);

    const list = await reviewer.get('/workspace/submissions');
    expect(list.body).toContain(`Read document ${document.id}`);
    const id = /\/workspace\/submissions\/([0-9a-f-]{36})\/decision/.exec(list.body)?.[1] ?? '';
    const accepted = await reviewer.post(`/workspace/submissions/${id}/decision`, {
      decision: 'accept',
    });
    expect(accepted.statusCode).toBe(303);
    expect((await web.client().get(`/documents/${document.id}`)).statusCode).toBe(200);
    expect((await web.client().get(`/api/documents/${document.id}`)).statusCode).toBe(200);
    expect((await web.client().get('/organisations/DEMO-T06')).body).toContain(
      `/documents/${document.id}"`,
    );
    expect(await confirm()).toBe('pending');
  });

  it('names each mistake in a submission', async () => {
    const sent = await web
      .client()
      .postMultipart(
        '/submit',
        { kind: 'document', organisation: '', text: '', url: 'ftp://example.org' },
        [],
      );
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('Select the organisation the document is about');
    expect(sent.body).toContain('Choose the file to send');
    expect(sent.body).toContain('Enter a web address starting with https:// or http://');
  });

  it('accepts 5 reports an hour from one address, then says to wait an hour', async () => {
    // A fresh app, so the reports sent by the tests above do not count.
    const fresh = await createTestWebApp();
    try {
      const visitor = fresh.client();
      for (let count = 0; count < 5; count += 1)
        expect((await visitor.post('/corrections', report)).statusCode).toBe(303);
      const refused = await visitor.post('/corrections', report);
      expect(refused.statusCode).toBe(429);
      expect(refused.body).toContain('You have sent a report 5 times in the last hour');
      expect(refused.body).toContain('Wait an hour, then try again.');
    } finally {
      await fresh.cleanUp();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createReview } from '../../register/reviews/reviews-service.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { createTestWebApp, testUsers, type TestWebApp } from '../test-support/web-test-app.js';

const request = {
  subject: 'Police in crisis care',
  body: 'Dear {organisation},\n\nPlease send your policies on police officers in crisis care.',
};

/** The reference at the end of a redirect to a request's or a batch's workspace page. */
function refOf(location: unknown): string {
  return decodeURIComponent(/\/(SW-FOI-[A-Z0-9-]+)\?/.exec(String(location))?.[1] ?? '');
}

for (const database of testDatabases()) {
  describe(`FOI pages on ${database.name}`, () => {
    let web: TestWebApp;
    let clock = new Date('2027-03-01T10:00:00Z');

    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database, now: () => clock });
    }, 120_000);
    afterAll(() => web.cleanUp());

    it('keeps the workspace pages to signed-in reviewers', async () => {
      const outsider = await web.client().get('/workspace/foi');
      expect(outsider.statusCode).toBe(303);
      expect(outsider.headers.location).toContain('/sign-in');
      const viewer = await web.signedIn(testUsers.viewer.username);
      expect((await viewer.get('/workspace/foi')).statusCode).toBe(403);
      const reviewer = await web.signedIn(testUsers.reviewer.username);
      expect((await reviewer.get('/workspace/foi')).statusCode).toBe(200);
      expect((await reviewer.get('/workspace/foi/new')).statusCode).toBe(200);
    });

    it('shows the new request form again with what is wrong', async () => {
      const reviewer = await web.signedIn(testUsers.reviewer.username);
      const response = await reviewer.post('/workspace/foi', { subject: 'Only a subject' });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('Select who the request is to');
      expect(response.body).toContain('Enter what you are asking for');
      expect(response.body).toContain('value="Only a subject"');
    });

    it('never shows a draft to the public', async () => {
      const reviewer = await web.signedIn(testUsers.reviewer.username);
      const drafted = await reviewer.post('/workspace/foi', {
        target: 'organisation',
        organisation: 'DEMO-T01',
        ...request,
      });
      expect(drafted.statusCode).toBe(303);
      const ref = refOf(drafted.headers.location);
      expect(ref).toMatch(/^SW-FOI-\d{6}$/);
      const page = await reviewer.get(`/workspace/foi/requests/${ref}`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Send by email');
      expect((await web.client().get(`/foi/requests/${ref}`)).statusCode).toBe(404);
      expect((await web.client().get('/foi')).body).not.toContain(ref);
      expect((await web.client().get('/foi/feed.atom')).body).not.toContain(ref);
    });

    it('says what to do when a batch cannot be emailed for want of SMTP settings', async () => {
      const reviewer = await web.signedIn(testUsers.reviewer.username);
      const created = await reviewer.post('/workspace/foi', {
        target: 'organisations',
        codes: 'DEMO-T01 DEMO-T02',
        title: 'Two trusts',
        ...request,
      });
      const batch = refOf(created.headers.location);
      const sent = await reviewer.post(`/workspace/foi/batches/${batch}/send`);
      expect(sent.statusCode).toBe(400);
      expect(sent.body).toContain('Export the batch for WhatDoTheyKnow instead');
      expect(sent.body).toContain('2 organisations have no freedom of information address');
    });

    it('a batch exported and recorded as sent is public, with its deadline, then overdue', async () => {
      const reviewer = await web.signedIn(testUsers.reviewer.username);
      const created = await reviewer.post('/workspace/foi', {
        target: 'organisations',
        organisations: ['DEMO-T03', 'DEMO-T04'],
        title: 'Exported round',
        ...request,
      });
      const batch = refOf(created.headers.location);
      const page = await reviewer.get(`/workspace/foi/batches/${batch}`);
      const refs = [
        ...new Set([...page.body.matchAll(/data-ref="(SW-FOI-\d+)"/g)].map((m) => m[1])),
      ];
      expect(refs).toHaveLength(2);
      const csv = await reviewer.get(`/workspace/foi/batches/${batch}/export`);
      expect(csv.headers['content-type']).toContain('text/csv');
      for (const ref of refs) expect(csv.body).toContain(ref);

      const marked = await reviewer.post(`/workspace/foi/batches/${batch}/mark-sent`, {
        'sentOn[day]': '1',
        'sentOn[month]': '3',
        'sentOn[year]': '2027',
      });
      expect(marked.statusCode).toBe(303);
      const list = await web.client().get('/foi?organisation=DEMO-T03');
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain(refs[0]);
      expect(list.body).toContain('Due by 1 April 2027');
      const feed = await web.client().get('/foi/feed.atom');
      expect(feed.headers['content-type']).toContain('application/atom+xml');
      for (const ref of refs) expect(feed.body).toContain(ref);
      expect((await web.client().get('/foi/overdue')).body).not.toContain(refs[0]);

      clock = new Date('2027-04-12T10:00:00Z');
      const overdue = await web.client().get('/foi/overdue');
      for (const ref of refs) expect(overdue.body).toContain(ref);
      expect(overdue.body).toContain('Overdue: 7 working days late');
      const organisation = await web.client().get('/organisations/DEMO-T03');
      expect(organisation.body).toContain('1 request, 1 overdue');
      const overdueFeed = await web.client().get('/foi/overdue.atom');
      for (const ref of refs) expect(overdueFeed.body).toContain(ref);
      clock = new Date('2027-03-01T10:00:00Z');
    });

    it('records clarification, a reply with its new state, an assurance from it and a review return', async () => {
      let reviewer = await web.signedIn(testUsers.reviewer.username);
      const created = await reviewer.post('/workspace/foi', {
        target: 'organisations',
        codes: 'DEMO-T05 DEMO-T06',
        title: 'Replies round',
        ...request,
      });
      const batch = refOf(created.headers.location);
      const batchPage = await reviewer.get(`/workspace/foi/batches/${batch}`);
      const [answeredRef = '', silentRef = ''] = [
        ...new Set([...batchPage.body.matchAll(/data-ref="(SW-FOI-\d+)"/g)].map((m) => m[1])),
      ];
      await reviewer.post(`/workspace/foi/batches/${batch}/mark-sent`, {
        'sentOn[day]': '1',
        'sentOn[month]': '3',
        'sentOn[year]': '2027',
      });
      clock = new Date('2027-03-15T10:00:00Z');
      // A fortnight on, the session has ended.
      reviewer = await web.signedIn(testUsers.reviewer.username);
      const page = (ref: string) => `/workspace/foi/requests/${ref}`;

      const asked = await reviewer.post(`${page(answeredRef)}/clarification`, {
        step: 'asked',
        'askedOn[day]': '3',
        'askedOn[month]': '3',
        'askedOn[year]': '2027',
      });
      expect(asked.headers.location).toBe(`${page(answeredRef)}?done=clarification-asked`);
      expect((await reviewer.get(page(answeredRef))).body).toContain(
        'Clock stopped: waiting for the clarification',
      );
      await reviewer.post(`${page(answeredRef)}/clarification`, {
        step: 'answered',
        'answeredOn[day]': '5',
        'answeredOn[month]': '3',
        'answeredOn[year]': '2027',
      });
      expect((await reviewer.get(page(answeredRef))).body).toContain('Due by');

      const missing = await reviewer.postMultipart(`${page(answeredRef)}/replies`, {}, []);
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('Choose the file of the reply');
      const replied = await reviewer.postMultipart(
        `${page(answeredRef)}/replies`,
        {
          'receivedOn[day]': '12',
          'receivedOn[month]': '3',
          'receivedOn[year]': '2027',
          newState: 'successful',
        },
        [
          {
            field: 'file',
            name: 'reply.txt',
            bytes: new TextEncoder().encode(
              `Our reference ${answeredRef}. The trust does not have police officers in its crisis care services.`,
            ),
          },
        ],
      );
      expect(replied.statusCode).toBe(303);
      const answered = await reviewer.get(page(answeredRef));
      expect(answered.body).toContain('Successful');
      const replyId = /\/replies\/(\d+)\/assurance/.exec(answered.body)?.[1] ?? '';
      const assured = await reviewer.post(`${page(answeredRef)}/replies/${replyId}/assurance`, {
        feature: 'police_in_care',
      });
      expect(assured.headers.location).toBe(`${page(answeredRef)}?done=assurance-recorded`);
      const assurances = await web.deps.database.db
        .selectFrom('assurances')
        .selectAll()
        .where('source', '=', answeredRef)
        .execute();
      expect(assurances).toHaveLength(1);

      await createReview(web.deps, { name: 'FOI review 2027' }, 'test');
      const returned = await reviewer.post(`${page(silentRef)}/return`, {
        reviewName: 'FOI review 2027',
      });
      expect(returned.headers.location).toBe(`${page(silentRef)}?done=return-recorded`);
      clock = new Date('2027-03-01T10:00:00Z');
    });
  });
}

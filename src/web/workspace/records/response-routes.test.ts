import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  createTestWebApp,
  testUsers,
  type TestWebApp,
  type TestClient,
} from '../../test-support/web-test-app.js';

/** The first confirmed finding in a document of an organisation. */
async function confirmedFindingOf(web: TestWebApp, code: string): Promise<number> {
  const row = await web.deps.database.db
    .selectFrom('findings')
    .innerJoin(
      'document_organisations',
      'document_organisations.document_id',
      'findings.document_id',
    )
    .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
    .select('findings.id')
    .where('organisations.code', '=', code)
    .where('findings.status', '=', 'confirmed')
    .orderBy('findings.id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function fields(answers: string, more: Record<string, string> = {}): Record<string, string> {
  return {
    organisation: 'DEMO-T02',
    responderName: 'Pat Doe',
    responderRole: 'Medical Director',
    'receivedOn[day]': '2',
    'receivedOn[month]': '11',
    'receivedOn[year]': '2026',
    answers,
    text: 'The trust disputes this reading: the officer attended as a guest speaker once.',
    assuranceScope: 'none',
    ...more,
  };
}

describe('recording a response in the workspace', () => {
  let web: TestWebApp;
  let reviewer: TestClient;

  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
    reviewer = await web.signedIn(testUsers.reviewer.username);
  }, 120_000);
  afterAll(() => web.cleanUp());

  it('is for reviewers: viewers and visitors are turned away', async () => {
    expect((await web.client().get('/workspace/responses/new')).statusCode).not.toBe(200);
    const viewer = await web.signedIn(testUsers.viewer.username);
    expect((await viewer.get('/workspace/responses/new')).statusCode).toBe(403);
  });

  it('records a response with a file, shown beside the finding on the public pages', async () => {
    const findingId = await confirmedFindingOf(web, 'DEMO-T02');
    const sent = await reviewer.postMultipart(
      '/workspace/responses',
      fields(`finding ${findingId}`),
      [
        {
          field: 'attachments',
          name: 'reply.txt',
          bytes: new TextEncoder().encode('Letter from the trust about the panel.'),
          type: 'text/plain',
        },
      ],
    );
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/workspace/responses?done=response-recorded&org=DEMO-T02');
    const list = await reviewer.get(sent.headers.location as string);
    expect(list.body).toContain('The response has been recorded.');

    const page = await web.client().get('/organisations/DEMO-T02');
    expect(page.body).toMatch(
      /id="finding-\d+"[\s\S]*?Response from Kestrelford Healthcare NHS Foundation Trust, received <time datetime="2026-11-02">2 November 2026<\/time>:/,
    );
    expect(page.body).toContain('the officer attended as a guest speaker once.');
    expect(page.body).toContain('Sent by Pat Doe, Medical Director.');
    expect(page.body).toContain(
      'Response from Kestrelford Healthcare NHS Foundation Trust: reply.txt',
    );

    const documentId = await web.deps.database.db
      .selectFrom('findings')
      .select('document_id')
      .where('id', '=', findingId)
      .executeTakeFirstOrThrow();
    const documentPage = await web.client().get(`/documents/${documentId.document_id}`);
    expect(documentPage.body).toContain(
      'Response from Kestrelford Healthcare NHS Foundation Trust, received',
    );
  });

  it('sends the form back with a message for each mistake', async () => {
    const sent = await reviewer.postMultipart(
      '/workspace/responses',
      fields('tweet', { responderName: '', 'receivedOn[month]': '13', assuranceScope: 'ended' }),
      [],
    );
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain('Enter the name of who sent the response');
    expect(sent.body).toContain('Enter what the response answers as a kind and a number');
    expect(sent.body).toContain('There is a problem');
  });

  it('says so when what it answers is not the organisation’s', async () => {
    const other = await confirmedFindingOf(web, 'DEMO-T01');
    const sent = await reviewer.postMultipart(
      '/workspace/responses',
      fields(`finding ${other}`),
      [],
    );
    expect(sent.statusCode).toBe(400);
    expect(sent.body).toContain(
      `Cannot find confirmed finding ${other} in a document of this organisation`,
    );
  });
});

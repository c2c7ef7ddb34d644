import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ingestDocument } from '../../register/documents/ingest-document.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { createTestWebApp, testUsers, type TestWebApp } from '../test-support/web-test-app.js';

/** The error summary's links: which fields a page says are wrong. */
function errorLinks(html: string): string[] {
  const summary = /<div class="nhsuk-error-summary"[\s\S]*?<\/div>\s*<\/div>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/href="(#[\w-]+)"/g)].map((match) => match[1] ?? '');
}

for (const database of testDatabases()) {
  describe(`GET /search on ${database.name}`, () => {
    let web: TestWebApp;
    let agreementId: number;

    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database });
      const agreement = await web.deps.database.db
        .selectFrom('documents')
        .select('id')
        .where('title', '=', 'Information sharing agreement: SIM service (Eastmere)')
        .executeTakeFirstOrThrow();
      agreementId = agreement.id;
      await ingestDocument(web.deps, {
        bytes: new TextEncoder().encode('Internal note: the capybarette pilot goes ahead.'),
        fileName: 'internal-note.txt',
        organisationCodes: ['DEMO-T01'],
        docType: 'correspondence',
        documentDate: '2025-03-01',
        public: false,
        actor: 'test',
      });
    }, 120_000);
    afterAll(() => web.cleanUp());

    it('shows the form and how to search when nothing was asked', async () => {
      const response = await web.client().get('/search');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('<label class="nhsuk-label nhsuk-label--s" for="q">');
      expect(response.body).toContain('How the search works');
      expect(response.body).toContain('<option value="DEMO-T01">');
      expect(response.body).toContain('<option value="2019">2019</option>');
      expect(response.body).not.toContain('documents found');
    });

    it('lists matching documents with the matched word marked and a link to its page', async () => {
      const response = await web.client().get('/search?q=Caldicott');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('1 document found');
      expect(response.body).toContain('<mark>Caldicott</mark>');
      expect(response.body).toContain(`href="/documents/${agreementId}#page-4"`);
      expect(response.body).toContain('<title>Search results for “Caldicott”');
    });

    it('finds phrases and narrows by the filters', async () => {
      const all = await web.client().get('/search?q=police');
      const narrowed = await web.client().get('/search?q=police&type=board_paper&year=2023');
      const count = (html: string) => Number(/(\d+) documents? found/.exec(html)?.[1]);
      expect(count(all.body)).toBeGreaterThan(count(narrowed.body));
      expect(count(narrowed.body)).toBeGreaterThan(0);
      expect(narrowed.body).toContain('<option value="board_paper" selected>');
      const phrase = await web.client().get('/search?q=%22Community+Protection+Notice%22');
      expect(phrase.body).toMatch(/<mark>Community(\s|<\/mark>|<mark>)+Protection/);
    });

    it('escapes what was typed and what the documents say', async () => {
      const response = await web
        .client()
        .get(`/search?q=${encodeURIComponent('<script>alert(1)</script> police')}`);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('<script>alert(1)</script>');
      expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; police');
    });

    it('never fails on search syntax', async () => {
      for (const q of ['"unbalanced', 'AND OR (', 'NEAR(a b)', '*', 'col:police'])
        expect((await web.client().get(`/search?q=${encodeURIComponent(q)}`)).statusCode, q).toBe(
          200,
        );
    });

    it('says what to try when nothing matches', async () => {
      const response = await web.client().get('/search?q=xylophonically');
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('0 documents found');
      expect(response.body).toContain('check the spelling');
      const common = await web.client().get('/search?q=the+and+of');
      expect(common.body).toContain('Search for more specific words');
    });

    it('re-renders with the error summary for a search that is too long or a bad year', async () => {
      const long = await web.client().get(`/search?q=${'a'.repeat(201)}`);
      expect(long.statusCode).toBe(400);
      expect(errorLinks(long.body)).toEqual(['#q']);
      expect(long.body).toContain('<title>Error: ');
      const year = await web.client().get('/search?q=police&year=20x3');
      expect(year.statusCode).toBe(400);
      expect(errorLinks(year.body)).toEqual(['#year']);
      expect(year.body).toContain('Enter a year as 4 numbers, like 2023');
      const choices = await web
        .client()
        .get('/search?q=police&label=bogus&type=bogus&organisation=NOPE');
      expect(choices.statusCode).toBe(400);
      expect(errorLinks(choices.body)).toEqual(['#organisation', '#label', '#type']);
      expect(choices.body).not.toContain('documents found');
    });

    it('searches documents that are not public only for signed-in users', async () => {
      const anonymous = await web.client().get('/search?q=capybarette');
      expect(anonymous.body).toContain('0 documents found');
      const viewer = await web.signedIn(testUsers.viewer.username);
      const signedIn = await viewer.get('/search?q=capybarette');
      expect(signedIn.body).toContain('1 document found');
      expect(signedIn.body).toContain('<mark>capybarette</mark>');
      expect(signedIn.body).toContain('Not public');
    });

    it('pages through many results with numbered pagination', async () => {
      for (let index = 1; index <= 21; index += 1)
        await ingestDocument(web.deps, {
          bytes: new TextEncoder().encode(`Notes on the dugongery meeting, part ${index}.`),
          fileName: `dugongery-${index}.txt`,
          organisationCodes: ['DEMO-T02'],
          docType: 'other',
          documentDate: '2025-04-01',
          actor: 'test',
        });
      const first = await web.client().get('/search?q=dugongery');
      expect(first.body).toContain('21 documents found');
      expect(first.body).toContain('Page 1 of 2');
      expect(first.body).toContain('href="/search?q=dugongery&amp;page=2"');
      expect(first.body).toMatch(/aria-current="page"/);
      const second = await web.client().get('/search?q=dugongery&page=2');
      expect(second.body).toContain('(page 2 of 2)');
      expect(second.body.match(/class="simwatch-search-result"/g)).toHaveLength(1);
      const beyond = await web.client().get('/search?q=dugongery&page=7');
      expect(beyond.body).toContain('There are no results on page 7');
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findDocumentDetails } from '../../../register/documents/documents-repository.js';
import { testDatabases } from '../../../test-support/register-databases.js';
import {
  createTestWebApp,
  type TestClient,
  type TestWebApp,
} from '../../test-support/web-test-app.js';

/**
 * The correction form of demo document 1 exactly as the browser sends it: the names of the
 * rendered form's fields (the date input's `documentDate[day]`..., one `organisations` per ticked
 * box).
 */
function correctionFields(
  overrides: Record<string, string | string[]> = {},
): Record<string, string | string[]> {
  return {
    title: 'Eastmere launches Serenity Integrated Mentoring service',
    'documentDate[day]': '3',
    'documentDate[month]': '3',
    'documentDate[year]': '2020',
    source: 'https://example.org/demo/eastmere/news/2019-02-11-sim-launch',
    public: 'no',
    organisations: ['DEMO-T01'],
    reason: 'The article is from March 2020; the network is only mentioned',
    ...overrides,
  };
}

for (const database of testDatabases()) {
  describe(`correcting a document in the workspace on ${database.name}`, () => {
    let web: TestWebApp;
    let rita: TestClient;
    let vic: TestClient;

    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database });
      rita = await web.signedIn('rita');
      vic = await web.signedIn('vic');
    });
    afterAll(() => web.cleanUp());

    it('shows the form filled with the details as they are, with the browser names', async () => {
      const page = await rita.get('/workspace/documents/1');
      expect(page.statusCode).toBe(200);
      expect(page.body).toMatch(/name="documentDate\[day\]"[^>]*value="11"/);
      expect(page.body).toMatch(/name="documentDate\[month\]"[^>]*value="2"/);
      expect(page.body).toMatch(/name="documentDate\[year\]"[^>]*value="2019"/);
      expect(page.body).toMatch(/<select[^>]*name="organisations"[^>]* multiple/);
      expect(page.body).toMatch(/<option value="DEMO-HIN1" selected>/);
      expect(page.body).toContain('name="reason"');
      expect((await rita.get('/documents/1')).body).toContain(
        'href="/workspace/documents/1">Correct this document\'s details',
      );
      expect((await vic.get('/workspace/documents/1')).statusCode).toBe(403);
      expect((await vic.get('/documents/1')).body).not.toContain('Correct this document');
    });

    it('records a correction and lists it in the workspace and public histories', async () => {
      const posted = await rita.post('/workspace/documents/1', correctionFields());
      expect(posted.statusCode).toBe(303);
      expect(posted.headers.location).toBe('/workspace/documents/1?done=document-corrected');
      expect(await findDocumentDetails(web.deps.database.db, 1)).toMatchObject({
        documentDate: '2020-03-03',
        public: false,
        organisations: [{ code: 'DEMO-T01' }],
      });
      const workspace = await rita.get(posted.headers.location as string);
      expect(workspace.body).toContain('The correction has been recorded');
      expect(workspace.body).toContain('by rita: The article is from March 2020');
      expect(workspace.body).toContain('Date changed from 11 February 2019 to 3 March 2020');
      expect(workspace.body).toContain('Original made private');
      expect(workspace.body).toContain('No longer linked to');
      const publicPage = await web.client().get('/documents/1');
      expect(publicPage.body).toContain('Corrections to these details');
      expect(publicPage.body).toContain('Date changed from 11 February 2019 to 3 March 2020');
      expect(publicPage.body).toContain('<dd class="nhsuk-summary-list__value">3 March 2020</dd>');
    });

    it('shows the form again with each mistake, keeping what was typed', async () => {
      const bad = await rita.post(
        '/workspace/documents/1',
        correctionFields({
          'documentDate[day]': '30',
          'documentDate[month]': '2',
          organisations: [],
          reason: ' ',
        }),
      );
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('href="#documentDate-day"');
      expect(bad.body).toContain('The document&#39;s date must be a real date');
      expect(bad.body).toContain('Choose at least one organisation');
      expect(bad.body).toContain('Enter why the details are being corrected');
      expect(bad.body).toMatch(/name="documentDate\[day\]"[^>]*value="30"/);
      const unchanged = await rita.post('/workspace/documents/1', correctionFields());
      expect(unchanged.statusCode).toBe(400);
      expect(unchanged.body).toContain('Change at least one detail');
      expect((await rita.get('/workspace/documents/99999')).statusCode).toBe(404);
      // Beyond any id the register can hold: not found, not a database error.
      expect((await rita.get('/workspace/documents/9999999999')).statusCode).toBe(404);
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadOrganisationFacts } from '../../../register/load-organisation-facts.js';
import { findOrganisationByCode } from '../../../register/organisations/organisations-repository.js';
import { deriveStatus } from '../../../register/status/index.js';
import { testDatabases } from '../../../test-support/register-databases.js';
import {
  createTestWebApp,
  type TestClient,
  type TestWebApp,
} from '../../test-support/web-test-app.js';

/** A complete, valid assurance as the form sends it. */
function assuranceFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    organisation: 'DEMO-T06',
    'givenOn[day]': '3',
    'givenOn[month]': '4',
    'givenOn[year]': '2024',
    givenBy: 'Chief executive of the trust',
    scope: 'never_used',
    text: 'We have never used Serenity Integrated Mentoring or anything like it.',
    source: 'FOI 2024-117',
    ...overrides,
  };
}

for (const database of testDatabases()) {
  describe(`the workspace's record-keeping pages on ${database.name}`, () => {
    let web: TestWebApp;
    let rita: TestClient;
    let vic: TestClient;

    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database });
      rita = await web.signedIn('rita');
      vic = await web.signedIn('vic');
    });

    afterAll(async () => {
      await web.cleanUp();
    });

    const db = () => web.deps.database.db;

    async function checkpointCount(): Promise<number> {
      const row = await db()
        .selectFrom('record_checkpoints')
        .select((eb) => eb.fn.countAll<number | string>().as('count'))
        .executeTakeFirstOrThrow();
      return Number(row.count);
    }

    async function statusOf(code: string) {
      const [facts] = await loadOrganisationFacts(db(), code);
      if (!facts) throw new Error(`No organisation ${code}`);
      return { facts, status: deriveStatus(facts) };
    }

    describe('recording an assurance', () => {
      it('shows the form with the organisation in the address already chosen', async () => {
        const response = await rita.get('/workspace/assurances/new?org=DEMO-T06');
        expect(response.statusCode).toBe(200);
        expect(response.body).toMatch(/<option value="DEMO-T06" selected>/);
        for (const id of ['givenOn-day', 'givenOn-month', 'givenOn-year', 'scope', 'source'])
          expect(response.body).toContain(`id="${id}"`);
      });

      it('records it, changes the organisation’s status, signs a checkpoint and says so on the next page', async () => {
        const before = await statusOf('DEMO-T06');
        expect(before.status.status).toBe('not_yet_reviewed');
        const checkpoints = await checkpointCount();

        const response = await rita.post('/workspace/assurances', assuranceFields());

        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toBe(
          '/workspace/organisations?done=assurance-recorded&org=DEMO-T06',
        );
        const after = await statusOf('DEMO-T06');
        expect(after.facts.assurances).toHaveLength(before.facts.assurances.length + 1);
        expect(after.facts.assurances.at(-1)).toMatchObject({
          givenOn: '2024-04-03',
          givenBy: 'Chief executive of the trust',
          scope: 'never_used',
        });
        expect(after.status.status).toBe('assured_not_used');
        expect(await checkpointCount()).toBeGreaterThan(checkpoints);
        const row = await db()
          .selectFrom('assurances')
          .select(['source', 'recorded_by'])
          .orderBy('id', 'desc')
          .executeTakeFirstOrThrow();
        expect(row).toEqual({ source: 'FOI 2024-117', recorded_by: 'rita' });

        const next = await rita.get(response.headers.location as string);
        expect(next.body).toContain('The assurance has been recorded.');
        expect(next.body).toContain('href="/organisations/DEMO-T06"');
      });

      it('reads the date under the chosen scope and records the feature not used', async () => {
        const ended = await rita.post(
          '/workspace/assurances',
          assuranceFields({
            organisation: 'DEMO-P02',
            scope: 'ended',
            'endedOn[day]': '31',
            'endedOn[month]': '12',
            'endedOn[year]': '2021',
            // The box under another scope is ignored.
            'endsOn[day]': 'nonsense',
          }),
        );
        expect(ended.statusCode).toBe(303);
        const feature = await rita.post(
          '/workspace/assurances',
          assuranceFields({
            organisation: 'DEMO-P02',
            scope: 'feature_not_used',
            feature: 'coercion_sanctions',
            source: '',
            sourceDocument: '1',
          }),
        );
        expect(feature.statusCode).toBe(303);
        const { facts } = await statusOf('DEMO-P02');
        expect(facts.assurances.slice(-2)).toMatchObject([
          { scope: 'ended', scopeDate: '2021-12-31', feature: null },
          { scope: 'feature_not_used', feature: 'coercion_sanctions', sourceDocumentId: 1 },
        ]);
      });

      it('re-renders with the error summary naming each field and keeps what was typed', async () => {
        const count = (await statusOf('DEMO-T05')).facts.assurances.length;
        const response = await rita.post(
          '/workspace/assurances',
          assuranceFields({
            organisation: 'DEMO-T05',
            givenBy: '',
            'givenOn[month]': '13',
            scope: 'will_end',
            source: '',
            text: 'Typed <words> & kept',
          }),
        );
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('There is a problem');
        expect(response.body).toContain('href="#givenOn-month"');
        expect(response.body).toContain('The date the assurance was given must be a real date');
        expect(response.body).toContain('href="#givenBy"');
        expect(response.body).toContain('Enter who gave the assurance');
        expect(response.body).toContain('href="#endsOn-day"');
        expect(response.body).toContain('Enter the date use will end');
        expect(response.body).toContain('href="#source"');
        expect(response.body).toContain('Typed &lt;words&gt; &amp; kept');
        expect(response.body).toMatch(/<option value="DEMO-T05" selected>/);
        expect(response.body).toMatch(/value="13"/);
        expect(response.body).toMatch(/<title>Error: /);
        expect((await statusOf('DEMO-T05')).facts.assurances).toHaveLength(count);
      });

      it('says when the source document number is not in the register', async () => {
        const response = await rita.post(
          '/workspace/assurances',
          assuranceFields({ source: '', sourceDocument: '999999' }),
        );
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('href="#sourceDocument"');
        expect(response.body).toContain('There is no document 999999 in the register');
      });
    });

    describe('reviews and returns', () => {
      it('adds a review, then records a return to it that the organisation’s facts show', async () => {
        const checkpoints = await checkpointCount();
        const review = await rita.post('/workspace/reviews', {
          name: 'Web review 2025',
          'openedOn[day]': '1',
          'openedOn[month]': '2',
          'openedOn[year]': '2025',
          questions: 'Did you use SIM?\r\n\r\nWhen did it end?',
        });
        expect(review.statusCode).toBe(303);
        const stored = await db()
          .selectFrom('reviews')
          .selectAll()
          .where('name', '=', 'Web review 2025')
          .executeTakeFirstOrThrow();
        expect(stored.opened_on).toBe('2025-02-01');
        expect(JSON.parse(stored.questions)).toEqual(['Did you use SIM?', 'When did it end?']);
        expect(review.headers.location).toBe(
          `/workspace/returns/new?done=review-created&review=${stored.id}`,
        );
        const form = await rita.get(review.headers.location as string);
        expect(form.body).toContain('The review has been added.');
        expect(form.body).toMatch(new RegExp(`<option value="${stored.id}" selected>`));

        const returned = await rita.post('/workspace/returns', {
          review: String(stored.id),
          organisation: 'DEMO-ICB1',
          responded: 'yes',
          'respondedOn[day]': '3',
          'respondedOn[month]': '3',
          'respondedOn[year]': '2025',
          usedModel: 'yes',
          'usedFrom[day]': '1',
          'usedFrom[month]': '9',
          'usedFrom[year]': '2019',
          continuing: ['police_in_care', 'sim_named'],
          notes: 'Sent by the board secretary',
        });
        expect(returned.statusCode).toBe(303);
        expect(returned.headers.location).toBe(
          '/workspace/organisations?done=return-recorded&org=DEMO-ICB1',
        );
        const { facts, status } = await statusOf('DEMO-ICB1');
        expect(facts.returns.at(-1)).toMatchObject({
          reviewName: 'Web review 2025',
          responded: true,
          respondedOn: '2025-03-03',
          usedModel: true,
          usedFrom: '2019-09-01',
          usedUntil: null,
          continuingFeatures: ['police_in_care', 'sim_named'],
        });
        expect(status.status).toBe('continuing');
        expect(await checkpointCount()).toBeGreaterThan(checkpoints);
      });

      it('ignores the answers of an organisation that did not respond', async () => {
        const review = await db()
          .selectFrom('reviews')
          .select('id')
          .orderBy('id')
          .executeTakeFirstOrThrow();
        const response = await rita.post('/workspace/returns', {
          review: String(review.id),
          organisation: 'DEMO-P03',
          responded: 'no',
          usedModel: 'yes',
          continuing: 'sim_named',
        });
        expect(response.statusCode).toBe(303);
        const { facts } = await statusOf('DEMO-P03');
        expect(facts.returns.at(-1)).toMatchObject({
          responded: false,
          usedModel: null,
          continuingFeatures: [],
        });
      });

      it('re-renders the return form with errors and keeps the choices made', async () => {
        const response = await rita.post('/workspace/returns', {
          review: '',
          organisation: 'DEMO-P04',
          responded: 'yes',
          usedModel: 'no',
          'usedFrom[day]': '1',
          'usedFrom[month]': '1',
          'usedFrom[year]': '2022',
          'usedUntil[day]': '1',
          'usedUntil[month]': '1',
          'usedUntil[year]': '2020',
          continuing: 'coercion_sanctions',
        });
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('href="#review"');
        expect(response.body).toContain('Select the review this return answers');
        expect(response.body).toContain('href="#usedUntil-day"');
        expect(response.body).toMatch(/<option value="DEMO-P04" selected>/);
        expect(response.body).toMatch(/value="coercion_sanctions" checked/);
        expect(response.body).toMatch(/value="no" checked/);
      });

      it('refuses a second review with the same name', async () => {
        const response = await rita.post('/workspace/reviews', { name: 'web REVIEW 2025' });
        expect(response.statusCode).toBe(400);
        expect(response.body).toContain('href="#name"');
        expect(response.body).toContain('There is already a review with this name');
        expect(response.body).toContain('value="web REVIEW 2025"');
      });
    });

    describe('organisations', () => {
      it('lists the organisations with edit links and finds one by name or code', async () => {
        const all = await rita.get('/workspace/organisations');
        expect(all.statusCode).toBe(200);
        expect(all.body).toContain('href="/workspace/organisations/DEMO-T01/edit"');
        expect(all.body).toContain('href="/workspace/organisations/DEMO-P01/edit"');
        const found = await rita.get('/workspace/organisations?q=constabulary');
        expect(found.body).toContain('Eastmere Constabulary');
        expect(found.body).not.toContain('DEMO-T01/edit');
        const byCode = await rita.get('/workspace/organisations?q=demo-hin1');
        expect(byCode.body).toContain('Eastmere Health Innovation Network');
        expect(byCode.body).not.toContain('DEMO-T01/edit');
      });

      it('adds an organisation and signs a checkpoint', async () => {
        const checkpoints = await checkpointCount();
        const response = await rita.post('/workspace/organisations', {
          code: 'WEB-T01',
          name: 'Webfield Mental Health NHS Trust',
          kind: 'mental_health_trust',
          region: 'London',
          sourceUrl: 'https://example.org/ods/WEB-T01',
        });
        expect(response.statusCode).toBe(303);
        expect(response.headers.location).toBe(
          '/workspace/organisations?done=organisation-added&org=WEB-T01',
        );
        expect(await findOrganisationByCode(db(), 'WEB-T01')).toMatchObject({
          name: 'Webfield Mental Health NHS Trust',
          kind: 'mental_health_trust',
          region: 'London',
          sourceUrl: 'https://example.org/ods/WEB-T01',
          formerNames: [],
        });
        expect(await checkpointCount()).toBeGreaterThan(checkpoints);
      });

      it('edits an organisation, keeping its old name among the former names', async () => {
        const form = await rita.get('/workspace/organisations/WEB-T01/edit');
        expect(form.statusCode).toBe(200);
        expect(form.body).toContain('value="Webfield Mental Health NHS Trust"');
        const checkpoints = await checkpointCount();
        const response = await rita.post('/workspace/organisations/WEB-T01', {
          name: 'Webfield and Moor NHS Foundation Trust',
          kind: 'mental_health_trust',
          region: 'South East',
          sourceUrl: 'https://example.org/ods/WEB-T01',
          code: 'SOMETHING-ELSE',
        });
        expect(response.statusCode).toBe(303);
        expect(await findOrganisationByCode(db(), 'WEB-T01')).toMatchObject({
          name: 'Webfield and Moor NHS Foundation Trust',
          region: 'South East',
          formerNames: ['Webfield Mental Health NHS Trust'],
        });
        expect(await findOrganisationByCode(db(), 'SOMETHING-ELSE')).toBeUndefined();
        expect(await checkpointCount()).toBeGreaterThan(checkpoints);
      });

      it('re-renders the forms with errors: a code already taken, an empty name, a bad address', async () => {
        const added = await rita.post('/workspace/organisations', {
          code: 'demo-t01',
          name: '',
          kind: 'police_force',
          sourceUrl: 'javascript:alert(1)',
        });
        expect(added.statusCode).toBe(400);
        expect(added.body).toContain('href="#code"');
        expect(added.body).toContain('There is already an organisation with this code');
        expect(added.body).toContain('href="#name"');
        expect(added.body).toContain('href="#sourceUrl"');
        expect(added.body).toContain('value="demo-t01"');
        expect(added.body).toMatch(/value="police_force" checked/);

        const edited = await rita.post('/workspace/organisations/WEB-T01', {
          name: 'Kept typing',
          kind: '',
          region: '',
        });
        expect(edited.statusCode).toBe(400);
        expect(edited.body).toContain('href="#kind"');
        expect(edited.body).toContain('href="#region"');
        expect(edited.body).toContain('value="Kept typing"');
        expect((await findOrganisationByCode(db(), 'WEB-T01'))?.name).toBe(
          'Webfield and Moor NHS Foundation Trust',
        );
      });

      it('links two organisations and shows the link on the edit page', async () => {
        const response = await rita.post('/workspace/organisations/WEB-T01/links', {
          relation: 'works_with',
          linkedCode: 'DEMO-P01',
        });
        expect(response.statusCode).toBe(303);
        const page = await rita.get(response.headers.location as string);
        expect(page.body).toContain('The link between the organisations has been recorded.');
        expect(page.body).toContain('Works with: Eastmere Constabulary (DEMO-P01)');
        const itself = await rita.post('/workspace/organisations/WEB-T01/links', {
          relation: 'works_with',
          linkedCode: 'WEB-T01',
        });
        expect(itself.statusCode).toBe(400);
        expect(itself.body).toContain('href="#linkedCode"');
      });

      it('shows a page not found for an organisation that does not exist', async () => {
        expect((await rita.get('/workspace/organisations/NOPE/edit')).statusCode).toBe(404);
      });
    });

    it('refuses every form to a viewer, changing nothing', async () => {
      const checkpoints = await checkpointCount();
      const posts: [string, Record<string, string>][] = [
        ['/workspace/assurances', assuranceFields()],
        ['/workspace/reviews', { name: 'Viewer review' }],
        ['/workspace/returns', { review: '1', organisation: 'DEMO-T01', responded: 'no' }],
        ['/workspace/organisations', { code: 'VIC-1', name: 'Vic', kind: 'other' }],
        ['/workspace/organisations/DEMO-T01', { name: 'Renamed', kind: 'other' }],
        [
          '/workspace/organisations/DEMO-T01/links',
          { relation: 'works_with', linkedCode: 'DEMO-P02' },
        ],
      ];
      for (const [url, fields] of posts) expect((await vic.post(url, fields)).statusCode).toBe(403);
      for (const url of ['/workspace/assurances/new', '/workspace/organisations'])
        expect((await vic.get(url)).statusCode).toBe(403);
      expect(await checkpointCount()).toBe(checkpoints);
      expect((await findOrganisationByCode(db(), 'DEMO-T01'))?.name).toBe(
        'Eastmere Mental Health NHS Foundation Trust',
      );
    });
  });
}

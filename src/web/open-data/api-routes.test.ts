import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ingestDocument } from '../../register/documents/ingest-document.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import { computeNationalFigures } from '../../register/status/national-figures.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { apiEndpoints } from './api-endpoints.js';
import { openApiPath } from './build-openapi-document.js';
import type { JsonSchema } from './json-schema.js';
import { createSchemaValidator } from './test-support/schema-validator.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

interface Listed {
  code: string;
  status: string;
  statusLabel: string;
  kind: string;
  region: string | null;
}

const privateText =
  'A police officer is embedded in the community mental health team two days a week.';

describe.each(testDatabases().map((database) => [database.name, database] as const))(
  'the JSON API on %s',
  (_name, database) => {
    let web: TestWebApp;
    let privateDocumentId: number;
    beforeAll(async () => {
      web = await createTestWebApp({ demo: true, database });
      const [code] = (await loadOrganisationFacts(web.deps.database.db)).map(
        (facts) => facts.organisation.code,
      );
      const ingested = await ingestDocument(web.deps, {
        bytes: new TextEncoder().encode(privateText),
        fileName: 'private-note.txt',
        title: 'A note that may not be shared',
        organisationCodes: [code ?? ''],
        docType: 'correspondence',
        public: false,
        actor: 'test',
      });
      privateDocumentId = ingested.documentId;
      expect(ingested.findings).toBeGreaterThan(0);
    });
    afterAll(async () => {
      await web.cleanUp();
    });

    const get = (url: string) => web.client().get(url);

    it('lists the demonstration organisations with the statuses deriveStatus gives them', async () => {
      const response = await get('/api/organisations');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      const { organisations } = response.json<{ organisations: Listed[] }>();
      const facts = await loadOrganisationFacts(web.deps.database.db);
      expect(organisations).toHaveLength(12);
      expect(organisations.map((each) => each.code)).toEqual(
        facts.map((each) => each.organisation.code),
      );
      for (const each of facts) {
        const status = deriveStatus(each);
        expect(
          organisations.find((listed) => listed.code === each.organisation.code),
        ).toMatchObject({
          status: status.status,
          statusLabel: status.label,
        });
      }
      expect(new Set(organisations.map((each) => each.status)).size).toBeGreaterThan(3);
      const again = await get('/api/organisations');
      expect(again.headers['x-simwatch-cache']).toBe('hit');
      expect(again.headers['access-control-allow-origin']).toBe('*');
      expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(again.body).toBe(response.body);
    });

    it('filters organisations by kind, status and region, together', async () => {
      const all = (await get('/api/organisations')).json<{ organisations: Listed[] }>()
        .organisations;
      const sample = all.find((each) => each.region !== null && each.status === 'continuing');
      expect(sample).toBeDefined();
      const byStatus = (await get('/api/organisations?status=continuing')).json<{
        organisations: Listed[];
      }>().organisations;
      expect(byStatus.map((each) => each.code)).toEqual(
        all.filter((each) => each.status === 'continuing').map((each) => each.code),
      );
      const byKind = (await get('/api/organisations?kind=police_force')).json<{
        organisations: Listed[];
      }>().organisations;
      expect(byKind.length).toBeGreaterThan(0);
      expect(byKind.every((each) => each.kind === 'police_force')).toBe(true);
      const region = encodeURIComponent(sample?.region ?? '');
      const together = (
        await get(
          `/api/organisations?status=continuing&kind=${sample?.kind ?? ''}&region=${region}`,
        )
      ).json<{ organisations: Listed[] }>().organisations;
      expect(together.map((each) => each.code)).toContain(sample?.code);
      expect(
        together.every(
          (each) =>
            each.status === 'continuing' &&
            each.kind === sample?.kind &&
            each.region === sample.region,
        ),
      ).toBe(true);
    });

    it('answers a filter value it does not know with a 400 JSON error naming the allowed ones', async () => {
      const response = await get('/api/organisations?status=bad');
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/json');
      const { error } = response.json<{ error: { code: string; message: string } }>();
      expect(error.code).toBe('invalid_input');
      expect(error.message).toContain('"status" must be one of: contradicted, continuing');
    });

    it('gives an organisation with its reasons, features, contradictions, redacted evidence, assurances and returns', async () => {
      const facts = await loadOrganisationFacts(web.deps.database.db);
      const contradicted = facts.find((each) => deriveStatus(each).status === 'contradicted');
      if (!contradicted) throw new Error('The demo has a contradicted organisation');
      const status = deriveStatus(contradicted);
      const response = await get(`/api/organisations/${contradicted.organisation.code}`);
      expect(response.statusCode).toBe(200);
      const body = response.json<Record<string, unknown>>();
      expect(body).toMatchObject({
        code: contradicted.organisation.code,
        status: 'contradicted',
        reasons: status.reasons,
        features: status.features,
        contradictions: status.contradictions,
      });
      const evidence = body.evidence as { findingId: number; excerpt: string }[];
      expect(evidence.map(({ findingId, excerpt }) => ({ findingId, excerpt }))).toEqual(
        contradicted.evidence.map((item) => ({
          findingId: item.findingId,
          excerpt: redactExcerpt(item.excerpt).text,
        })),
      );
      expect((body.assurances as unknown[]).length).toBe(contradicted.assurances.length);
      expect((body.returns as unknown[]).length).toBe(contradicted.returns.length);
      expect(contradicted.assurances.length).toBeGreaterThan(0);
    });

    it('removes personal data from evidence excerpts', async () => {
      const response = await get('/api/findings?limit=500');
      const excerpts = response
        .json<{ findings: { excerpt: string; itemsRedacted: number }[] }>()
        .findings.filter((finding) => finding.itemsRedacted > 0);
      expect(excerpts.length).toBeGreaterThan(0);
      expect(response.body).toContain('[name removed]');
      expect(response.body).not.toContain('01632 960 123');
    });

    it('answers an unknown organisation or document with a 404 JSON error', async () => {
      for (const url of [
        '/api/organisations/NO-SUCH',
        '/api/documents/99999',
        '/api/documents/abc',
        '/api/no-such-route',
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.headers['content-type'], url).toContain('application/json');
        expect(response.json<{ error: { code: string } }>().error.code, url).toBe('not_found');
      }
    });

    it('gives a document with its confirmed findings only, and its text only when it is public', async () => {
      const db = web.deps.database.db;
      const confirmed = await db
        .selectFrom('findings')
        .select(['id', 'document_id'])
        .where('status', '=', 'confirmed')
        .orderBy('id')
        .execute();
      const documentId = confirmed[0]?.document_id ?? 0;
      const response = await get(`/api/documents/${documentId}`);
      expect(response.statusCode).toBe(200);
      const document = response.json<{
        public: boolean;
        findings: { id: number; confirmedAt: string | null }[];
        pages: { text: string }[] | null;
      }>();
      expect(document.public).toBe(true);
      expect(document.findings.map((finding) => finding.id)).toEqual(
        confirmed.filter((row) => row.document_id === documentId).map((row) => row.id),
      );
      expect(document.findings.every((finding) => finding.confirmedAt !== null)).toBe(true);
      expect(document.pages?.length).toBeGreaterThan(0);

      const hidden = await get(`/api/documents/${privateDocumentId}`);
      expect(hidden.statusCode).toBe(200);
      expect(hidden.json()).toMatchObject({ public: false, findings: [], pages: null });
      expect(hidden.body).not.toContain('embedded in the community');
    });

    it('gives the national figures as computeNationalFigures counts them', async () => {
      const response = await get('/api/figures');
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual(
        computeNationalFigures(await loadOrganisationFacts(web.deps.database.db)),
      );
    });

    it('lists confirmed findings only, a page at a time', async () => {
      const db = web.deps.database.db;
      const confirmed = await db
        .selectFrom('findings')
        .select('id')
        .where('status', '=', 'confirmed')
        .orderBy('id')
        .execute();
      const first = (await get('/api/findings?status=confirmed&limit=3')).json<{
        total: number;
        findings: { id: number; status: string }[];
      }>();
      expect(first.total).toBe(confirmed.length);
      expect(first.findings.map((finding) => finding.id)).toEqual(
        confirmed.slice(0, 3).map((row) => row.id),
      );
      const second = (await get('/api/findings?limit=3&offset=3')).json<{
        findings: { id: number }[];
      }>();
      expect(second.findings.map((finding) => finding.id)).toEqual(
        confirmed.slice(3, 6).map((row) => row.id),
      );
      const [code] = (await get('/api/organisations'))
        .json<{ organisations: Listed[] }>()
        .organisations.map((each) => each.code);
      const ofOne = (await get(`/api/findings?organisation=${code ?? ''}`)).json<{
        findings: { organisations: string[] }[];
      }>();
      expect(ofOne.findings.every((finding) => finding.organisations.includes(code ?? ''))).toBe(
        true,
      );
    });

    it('refuses to list findings that are not confirmed, and limits it cannot keep', async () => {
      for (const query of [
        'status=pending',
        'status=rejected',
        'limit=0',
        'limit=501',
        'limit=x',
        'offset=-1',
        'offset=1e20',
        'offset=2147483648',
      ]) {
        const response = await get(`/api/findings?${query}`);
        expect(response.statusCode, query).toBe(400);
        expect(response.json<{ error: { code: string } }>().error.code).toBe('invalid_input');
      }
      expect((await get('/api/findings?status=pending')).body).toContain(
        '\\"status\\" must be one of: confirmed',
      );
      expect((await get('/api/findings?offset=1e20')).body).toContain(
        '\\"offset\\" must be at most 2147483647',
      );
    });

    it('sends no excerpt of a finding that is not confirmed, in any answer', async () => {
      const db = web.deps.database.db;
      const rows = await db.selectFrom('findings').select(['excerpt', 'status']).execute();
      const confirmedExcerpts = new Set(
        rows.filter((row) => row.status === 'confirmed').map((row) => row.excerpt),
      );
      // Assurances and documents' titles are public records in their own right: a finding may
      // quote them word for word.
      const assurances = await db.selectFrom('assurances').select('text').execute();
      const titles = await db.selectFrom('documents').select('title as text').execute();
      const publicTexts = [...assurances, ...titles].map((row) => row.text);
      const unconfirmed = rows
        .filter(
          (row) =>
            row.status !== 'confirmed' &&
            !confirmedExcerpts.has(row.excerpt) &&
            !publicTexts.some((text) => text.includes(row.excerpt)),
        )
        .flatMap((row) => [row.excerpt, redactExcerpt(row.excerpt).text]);
      expect(unconfirmed.length).toBeGreaterThan(20);
      const documents = await db.selectFrom('documents').select('id').execute();
      const organisations = (await get('/api/organisations')).json<{ organisations: Listed[] }>()
        .organisations;
      const urls = [
        '/api/organisations',
        '/api/figures',
        '/api/findings?limit=500',
        ...organisations.map((each) => `/api/organisations/${each.code}`),
        ...documents.map((each) => `/api/documents/${each.id}`),
      ];
      for (const url of urls) {
        const body = (await get(url)).json<Record<string, unknown>>();
        // A public document's own text holds every passage in it, reviewed or not: that is the
        // document, published in full on purpose, not a finding.
        const texts = stringsIn({ ...body, pages: null });
        for (const excerpt of unconfirmed)
          expect(
            texts.some((text) => text.includes(excerpt)),
            `${url} shows "${excerpt}"`,
          ).toBe(false);
      }
    });

    it('serves an OpenAPI 3.1 document covering every /api route, and every answer fits its schema', async () => {
      const response = await get('/api/openapi.json');
      expect(response.statusCode).toBe(200);
      const document = response.json<{
        openapi: string;
        servers: { url: string }[];
        paths: Record<string, { get: { responses: Record<string, ResponseObject> } }>;
        components: { schemas: Record<string, JsonSchema> };
      }>();
      expect(document.openapi).toBe('3.1.0');
      expect(document.servers[0]?.url).toBe('http://localhost:3000');
      const registered = web.app.routeTable
        .filter((route) => route.url.startsWith('/api/'))
        .map((route) => `${route.method} ${openApiPath(route.url)}`);
      expect(registered.length).toBe(apiEndpoints.length);
      const documented = Object.entries(document.paths).flatMap(([path, methods]) =>
        Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(registered.sort()).toEqual(documented.sort());

      const validator = await createSchemaValidator(document.components.schemas);
      const code = (await get('/api/organisations')).json<{ organisations: Listed[] }>()
        .organisations[0]?.code;
      const samples: Record<string, string[]> = {
        '/api/organisations': ['/api/organisations', '/api/organisations?kind=police_force'],
        '/api/organisations/{code}': [`/api/organisations/${code ?? ''}`, '/api/organisations/NO'],
        '/api/documents/{id}': [
          '/api/documents/1',
          `/api/documents/${privateDocumentId}`,
          '/api/documents/0',
        ],
        '/api/figures': ['/api/figures'],
        '/api/findings': ['/api/findings', '/api/findings?status=pending'],
        '/api/openapi.json': ['/api/openapi.json'],
      };
      expect(Object.keys(samples).sort()).toEqual(Object.keys(document.paths).sort());
      try {
        for (const [path, urls] of Object.entries(samples))
          for (const url of urls) {
            const answer = await get(url);
            const declared = document.paths[path]?.get.responses[String(answer.statusCode)];
            expect(declared, `${url} answered ${answer.statusCode}`).toBeDefined();
            const name = schemaName(declared);
            expect(await validator.check(name, answer.json()), url).toEqual([]);
          }
      } finally {
        await validator.close();
      }
    });
  },
);

interface ResponseObject {
  content: { 'application/json': { schema: { $ref: string } } };
}

function schemaName(response: ResponseObject | undefined): string {
  return (
    response?.content['application/json'].schema.$ref.replace('#/components/schemas/', '') ?? ''
  );
}

/** Every string in a JSON value, however deep. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}

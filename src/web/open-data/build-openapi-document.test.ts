import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { apiEndpoints } from './api-endpoints.js';
import { organisationSummarySchema } from './api-schemas.js';
import { buildOpenApiDocument, openApiPath } from './build-openapi-document.js';
import { createSchemaValidator, type SchemaCheck } from './test-support/schema-validator.js';

const settings = {
  serverUrl: 'https://register.example',
  serviceName: 'simwatch',
  version: '1.2.3',
};

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  responses: Record<string, { content: { 'application/json': { schema: { $ref: string } } } }>;
}

describe('buildOpenApiDocument()', () => {
  const document = buildOpenApiDocument(apiEndpoints, settings) as {
    openapi: string;
    info: { title: string; version: string };
    servers: { url: string }[];
    paths: Record<string, { get: Operation }>;
    components: { schemas: Record<string, unknown> };
  };

  it('is an OpenAPI 3.1 document served from the given address', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'simwatch API', version: '1.2.3' });
    expect(document.servers).toEqual([{ url: 'https://register.example' }]);
  });

  it('describes every endpoint at its OpenAPI path, with its parameters', () => {
    expect(Object.keys(document.paths).sort()).toEqual(
      apiEndpoints.map((endpoint) => openApiPath(endpoint.url)).sort(),
    );
    const organisation = document.paths['/api/organisations/{code}']?.get;
    expect(organisation?.operationId).toBe('getOrganisation');
    expect(organisation?.parameters).toEqual([
      {
        name: 'code',
        in: 'path',
        required: true,
        description: 'The organisation code',
        schema: { type: 'string' },
      },
    ]);
    const findings = document.paths['/api/findings']?.get;
    expect(findings?.parameters?.find((parameter) => parameter.name === 'limit')).toMatchObject({
      in: 'query',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 },
    });
  });

  it('points each response, errors included, at a schema among its components', () => {
    for (const [path, { get }] of Object.entries(document.paths))
      for (const [status, response] of Object.entries(get.responses)) {
        const ref = response.content['application/json'].schema.$ref;
        const name = ref.replace('#/components/schemas/', '');
        expect(document.components.schemas[name], `${path} ${status}`).toBeDefined();
        if (status !== '200') expect(name).toBe('Error');
      }
  });
});

describe('openApiPath()', () => {
  it.each([
    ['/api/figures', '/api/figures'],
    ['/api/organisations/:code', '/api/organisations/{code}'],
    ['/api/a/:one/b/:two', '/api/a/{one}/b/{two}'],
  ])('turns %s into %s', (url, path) => {
    expect(openApiPath(url)).toBe(path);
  });
});

describe('the schema validator used by the API tests', () => {
  let validator: { check: SchemaCheck; close: () => Promise<void> };
  beforeAll(async () => {
    validator = await createSchemaValidator({ Organisation: organisationSummarySchema });
  });
  afterAll(async () => {
    await validator.close();
  });
  const valid = {
    code: 'DEMO-T01',
    name: 'Ashdown Trust',
    kind: 'mental_health_trust',
    kindName: 'Mental health trust',
    region: null,
    status: 'continuing',
    statusLabel: 'Appears to be continuing',
  };

  it('accepts a value that matches the schema', async () => {
    expect(await validator.check('Organisation', valid)).toEqual([]);
  });

  it.each([
    ['an extra property', { ...valid, secret: 'x' }],
    ['a missing property', { ...valid, name: undefined }],
    ['a value outside the enum', { ...valid, status: 'pending' }],
    ['a number where a string belongs', { ...valid, code: 12 }],
    ['null where null is not allowed', { ...valid, name: null }],
  ])('refuses %s', async (_name, value) => {
    expect(await validator.check('Organisation', value)).not.toEqual([]);
  });
});

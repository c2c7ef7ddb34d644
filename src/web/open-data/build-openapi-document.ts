import type { ApiEndpoint } from './api-endpoints.js';
import { errorSchema } from './api-schemas.js';
import type { JsonSchema } from './json-schema.js';

/** Where the API is served and what to call it, for the document's `info` and `servers`. */
export interface OpenApiSettings {
  /** The absolute URL of the site, without a trailing slash, such as `https://example.org`. */
  serverUrl: string;
  serviceName: string;
  version: string;
}

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = Record<string, unknown>;

const errorDescriptions = {
  400: 'A query parameter is not valid',
  404: 'Nothing has this code or id',
} as const;

/**
 * Describes the API as an OpenAPI 3.1 document, from the same endpoint list and schema objects
 * the routes are built from. Each response schema becomes a named component.
 */
export function buildOpenApiDocument(
  endpoints: readonly ApiEndpoint[],
  settings: OpenApiSettings,
): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: Record<string, JsonSchema> = { Error: errorSchema };
  for (const endpoint of endpoints) {
    schemas[endpoint.response.name] = endpoint.response.schema;
    paths[openApiPath(endpoint.url)] = { get: operationOf(endpoint) };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: `${settings.serviceName} API`,
      version: settings.version,
      summary: 'The public register of SIM-type practices, read-only.',
      description:
        'Read-only JSON. Only findings confirmed by two reviewers are published, and excerpts have personal data removed. Anyone may use it from any web page (CORS is open). Errors are sent as `{ "error": { "code", "message" } }`.',
      // The data's terms, as the open data page states them (the software itself is AGPL).
      license: {
        name: 'Open Government Licence-style reuse: free to reuse with attribution',
        url: `${settings.serverUrl}/open-data`,
      },
    },
    servers: [{ url: settings.serverUrl }],
    paths,
    components: { schemas },
  };
}

/** Fastify's `/api/things/:id` as OpenAPI's `/api/things/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:(\w+)/g, '{$1}');
}

function operationOf(endpoint: ApiEndpoint) {
  const parameters = [
    ...Object.entries(endpoint.params ?? {}).map(([name, schema]) =>
      parameterOf(name, 'path', schema),
    ),
    ...Object.entries(endpoint.query ?? {}).map(([name, schema]) =>
      parameterOf(name, 'query', schema),
    ),
  ];
  const responses: Record<string, unknown> = {
    200: {
      description: endpoint.response.schema.description ?? endpoint.summary,
      content: { 'application/json': { schema: componentRef(endpoint.response.name) } },
    },
  };
  for (const status of endpoint.errors)
    responses[status] = {
      description: errorDescriptions[status],
      content: { 'application/json': { schema: componentRef('Error') } },
    };
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: endpoint.description,
    ...(parameters.length > 0 ? { parameters } : {}),
    responses,
  };
}

function parameterOf(name: string, where: 'path' | 'query', schema: JsonSchema) {
  const { description, ...rest } = schema;
  return {
    name,
    in: where,
    required: where === 'path',
    ...(description === undefined ? {} : { description }),
    schema: rest,
  };
}

function componentRef(name: string) {
  return { $ref: `#/components/schemas/${name}` };
}

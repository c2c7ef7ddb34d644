// The API's routes as data: the routes are registered from this list and the OpenAPI document is
// written from it, so no route can go undocumented.
import { organisationKinds } from '../../register/organisations/organisation.js';
import { statusOrder } from '../../register/status/organisation-status.js';
import {
  documentSchema,
  errorSchema,
  figuresSchema,
  findingListSchema,
  openApiDocumentSchema,
  organisationDetailSchema,
  organisationListSchema,
} from './api-schemas.js';
import { integerSchema, stringSchema, type JsonSchema } from './json-schema.js';

/** The most findings `GET /api/findings` sends at once. */
export const maxFindingsLimit = 500;
/** The most findings a page may skip: past it a database cannot count (and no register holds more). */
export const maxFindingsOffset = 2_147_483_647;

/** One route of the API. */
export interface ApiEndpoint {
  /** Names the route's handler, and the operation in the OpenAPI document. */
  operationId: ApiOperation;
  /** Fastify's form, with `:name` parameters. */
  url: string;
  summary: string;
  description: string;
  /** The path parameters, each one required. */
  params?: Record<string, JsonSchema>;
  /** The query parameters, each one optional. */
  query?: Record<string, JsonSchema>;
  /** The name of the response's schema among the document's components, and the schema. */
  response: { name: string; schema: JsonSchema };
  /** The error statuses the route can answer with, besides 500. */
  errors: readonly (400 | 404)[];
}

/** The operations of the API. */
export type ApiOperation =
  | 'listOrganisations'
  | 'getOrganisation'
  | 'getDocument'
  | 'getFigures'
  | 'listFindings'
  | 'getOpenApiDocument';

/** Every route of the API. */
export const apiEndpoints: readonly ApiEndpoint[] = [
  {
    operationId: 'listOrganisations',
    url: '/api/organisations',
    summary: 'List organisations with their statuses',
    description:
      'Every organisation in the register, by name, with the status derived from its returns, assurances and confirmed evidence. Filters combine.',
    query: {
      kind: stringSchema('Only organisations of this kind', { enum: organisationKinds }),
      status: stringSchema('Only organisations with this status', { enum: statusOrder }),
      region: stringSchema('Only organisations in this region (exact name)'),
    },
    response: { name: 'OrganisationList', schema: organisationListSchema },
    errors: [400],
  },
  {
    operationId: 'getOrganisation',
    url: '/api/organisations/:code',
    summary: 'Get an organisation',
    description:
      'An organisation with its status and the reasons for it, what is known of each feature, contradictions, confirmed evidence (excerpts with personal data removed), assurances and returns.',
    params: { code: stringSchema('The organisation code') },
    response: { name: 'Organisation', schema: organisationDetailSchema },
    errors: [404],
  },
  {
    operationId: 'getDocument',
    url: '/api/documents/:id',
    summary: 'Get a document',
    description:
      "A document's details and its confirmed findings. Its text, by page, only when the document is public.",
    params: { id: integerSchema('The document id', { minimum: 1 }) },
    response: { name: 'Document', schema: documentSchema },
    errors: [404],
  },
  {
    operationId: 'getFigures',
    url: '/api/figures',
    summary: 'Get the national figures',
    description:
      'Counts of organisations that responded, used SIM or a SIM-type model, and appear to continue, in all and by feature, region and status. Computed from the records, never typed in.',
    response: { name: 'Figures', schema: figuresSchema },
    errors: [],
  },
  {
    operationId: 'listFindings',
    url: '/api/findings',
    summary: 'List confirmed findings',
    description:
      'Findings confirmed by two reviewers, oldest first, a page at a time. Findings not yet confirmed, or rejected, are never public.',
    query: {
      status: stringSchema('Which findings: only confirmed findings are public', {
        enum: ['confirmed'],
        default: 'confirmed',
      }),
      organisation: stringSchema('Only findings in documents about this organisation (its code)'),
      limit: integerSchema('The most findings to send', {
        minimum: 1,
        maximum: maxFindingsLimit,
        default: 100,
      }),
      offset: integerSchema('How many matching findings to skip', {
        minimum: 0,
        maximum: maxFindingsOffset,
        default: 0,
      }),
    },
    response: { name: 'FindingList', schema: findingListSchema },
    errors: [400],
  },
  {
    operationId: 'getOpenApiDocument',
    url: '/api/openapi.json',
    summary: 'Get this description of the API',
    description: 'The OpenAPI 3.1 document describing every route of the API.',
    response: { name: 'OpenApiDocument', schema: openApiDocumentSchema },
    errors: [],
  },
];

/**
 * The schemas Fastify is given for an endpoint: its parameters (checked, and converted to numbers
 * where they are numbers) and its responses (serialised by them, so nothing outside the schema is
 * ever sent).
 */
export function routeSchemaOf(endpoint: ApiEndpoint) {
  const response: Record<number, JsonSchema> = { 200: endpoint.response.schema };
  for (const status of endpoint.errors) response[status] = errorSchema;
  return {
    ...(endpoint.params
      ? {
          params: {
            type: 'object',
            properties: endpoint.params,
            required: Object.keys(endpoint.params),
          },
        }
      : {}),
    ...(endpoint.query ? { querystring: { type: 'object', properties: endpoint.query } } : {}),
    response,
  };
}

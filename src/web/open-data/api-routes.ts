import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';

import { readPackageVersion } from '../../package-version.js';
import { SimwatchError } from '../../errors.js';
import { computeNationalFigures } from '../../register/status/national-figures.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import type { StatusCode } from '../../register/status/organisation-status.js';
import type { OrganisationKind } from '../../register/status/register-facts.js';
import { apiEndpoints, routeSchemaOf, type ApiOperation } from './api-endpoints.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import { describeInvalidParameters } from './describe-invalid-parameters.js';
import { findPublicDocument } from '../../register/documents/public-documents-repository.js';
import { listPublicFindings } from '../../register/findings/public-findings-repository.js';
import { findPublicOrganisation, listPublicOrganisations } from './public-organisations.js';
import type { WebContext } from '../web-context.js';
import type { RouteModule } from '../route-module.js';

type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;

/**
 * The read-only JSON API, registered from the endpoint list that the OpenAPI document is written
 * from. Anyone may call it from any site (CORS is open: it only reads public data).
 */
export const apiRoutes: RouteModule = (app, context) => {
  const handlers = apiHandlers(context);
  for (const endpoint of apiEndpoints) {
    const handler = handlers[endpoint.operationId];
    app.get(
      endpoint.url,
      {
        schema: routeSchemaOf(endpoint),
        // Parameter errors are turned into simwatch's own, with a message that says what to send.
        attachValidation: true,
        // Answers are kept until the register changes.
        config: { access: 'public', pageCache: { query: Object.keys(endpoint.query ?? {}) } },
        onSend: async (_request, reply) => {
          void reply
            .header('access-control-allow-origin', '*')
            .header('cross-origin-resource-policy', 'cross-origin');
        },
      },
      async (request, reply) => {
        const invalid = request.validationError;
        if (invalid) {
          const errors = invalid.validation as FastifySchemaValidationError[];
          if (invalid.validationContext === 'params')
            throw new SimwatchError(
              'not_found',
              `Cannot find ${request.url}: there is no such record`,
            );
          throw new SimwatchError(
            'invalid_input',
            `Cannot answer: ${describeInvalidParameters(errors)}`,
          );
        }
        return handler(request, reply);
      },
    );
  }
};

function apiHandlers(context: WebContext): Record<ApiOperation, Handler> {
  const db = context.deps.database.db;
  const version = readPackageVersion();
  return {
    async listOrganisations(request) {
      const query = request.query as {
        kind?: OrganisationKind;
        status?: StatusCode;
        region?: string;
      };
      return { organisations: await listPublicOrganisations(db, query) };
    },
    async getOrganisation(request) {
      const { code } = request.params as { code: string };
      const found = await findPublicOrganisation(db, code);
      if (!found)
        throw new SimwatchError(
          'not_found',
          `Cannot find organisation "${code}": no organisation has this code`,
        );
      return found;
    },
    async getDocument(request) {
      const { id } = request.params as { id: number };
      const found = await findPublicDocument(db, id);
      if (!found)
        throw new SimwatchError('not_found', `Cannot find document ${id}: no document has this id`);
      return found;
    },
    async getFigures() {
      return computeNationalFigures(await loadOrganisationFacts(db));
    },
    async listFindings(request) {
      const query = request.query as { organisation?: string; limit: number; offset: number };
      return listPublicFindings(db, {
        ...(query.organisation === undefined ? {} : { organisationCode: query.organisation }),
        limit: query.limit,
        offset: query.offset,
      });
    },
    getOpenApiDocument() {
      return buildOpenApiDocument(apiEndpoints, {
        // The configured address, never the request's Host header, which anyone can forge.
        serverUrl: context.config.publicUrl,
        serviceName: context.config.serviceName,
        version,
      });
    },
  };
}

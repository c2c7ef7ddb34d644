import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../errors.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import { buildOpenData } from '../../register/open-data/build-open-data.js';
import {
  figuresFile,
  openDataFile,
  openDataFormats,
} from '../../register/open-data/open-data-file.js';
import { apiEndpoints } from './api-endpoints.js';
import { openApiPath } from './build-openapi-document.js';
import { openDataTableDescriptions } from './open-data-tables.js';
import type { RouteModule } from '../route-module.js';

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pem: 'application/x-pem-file; charset=utf-8',
} as const;

/**
 * The open data page and its downloads: every table of the open data as CSV and JSON, the
 * national figures, and the public key that checks the record's signed checkpoints.
 */
export const openDataRoutes: RouteModule = (app, context) => {
  const db = context.deps.database.db;
  let signingKey: SigningKey | undefined;
  // The key is made by "simwatch init" or the first change; until then there is none to publish.
  async function publicKey(): Promise<SigningKey | undefined> {
    signingKey ??= await loadSigningKey(context.deps.config.signingKeyPath, {
      create: false,
    }).catch(() => undefined);
    return signingKey;
  }

  app.get(
    '/open-data',
    { config: { access: 'public', pageCache: true } },
    async (_request, reply) => {
      const key = await publicKey();
      return reply.page('pages/open-data.njk', {
        title: 'Open data',
        tables: Object.entries(openDataTableDescriptions).map(([name, table]) => ({
          name,
          ...table,
        })),
        keyId: key?.keyId,
        endpoints: apiEndpoints.map((endpoint) => ({
          path: openApiPath(endpoint.url),
          summary: endpoint.summary,
          // Addresses without parameters can be opened as they are.
          href: endpoint.url.includes(':') ? null : endpoint.url,
        })),
      });
    },
  );

  app.get<{ Params: { file: string } }>(
    '/open-data/:file',
    { config: { access: 'public' } },
    async (request, reply) => {
      const file = request.params.file;
      if (file === 'record-public-key.pem') {
        const key = await publicKey();
        if (key) return download(reply, file, mediaTypes.pem, key.publicKeyPem);
      } else {
        const [, name, extension] = /^([a-z_]+)\.([a-z]+)$/.exec(file) ?? [];
        const format = openDataFormats.find((each) => each === extension);
        if (name !== undefined && format !== undefined) {
          const data = await buildOpenData(db);
          if (name === 'figures' && format === 'json')
            return download(reply, file, mediaTypes.json, figuresFile(data.figures));
          const table = data.tables.find((each) => each.name === name);
          if (table) return download(reply, file, mediaTypes[format], openDataFile(table, format));
        }
      }
      throw new SimwatchError(
        'not_found',
        `There is no open data file called "${file}". The open data page lists every file.`,
      );
    },
  );
};

function download(reply: FastifyReply, fileName: string, type: string, body: string) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(body);
}

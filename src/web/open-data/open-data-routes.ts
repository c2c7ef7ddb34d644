import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../errors.js';
import { formatSize } from '../../extract/format-size.js';
import type { SigningKey } from '../../record/checkpoint.js';
import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import { buildOpenData } from '../../register/open-data/build-open-data.js';
import {
  csvConventions,
  openDataConventions,
  openDataOtherFiles,
  openDataTables,
} from '../../register/open-data/open-data-dictionary.js';
import {
  dictionaryFile,
  figuresFile,
  openDataFile,
  openDataFormats,
} from '../../register/open-data/open-data-file.js';
import {
  findLatestOpenDataPublication,
  openDataZipName,
} from '../../register/open-data/publish-open-data.js';
import { apiEndpoints } from './api-endpoints.js';
import { openApiPath } from './build-openapi-document.js';
import type { RouteModule } from '../route-module.js';

const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
  pem: 'application/x-pem-file; charset=utf-8',
  zip: 'application/zip',
} as const;

/**
 * The open data page, its data dictionary and its downloads: every table of the open data as
 * CSV and JSON, the national figures, the dictionary, the public key that checks the record's
 * signed checkpoints, and the latest published zip of all of it, whose SHA-256 the record holds.
 */
export const openDataRoutes: RouteModule = (app, context) => {
  const db = context.deps.database.db;
  const baseUrl = context.config.publicUrl;
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
      const publication = await findLatestOpenDataPublication(db);
      return reply.page('pages/open-data.njk', {
        title: 'Open data',
        tables: openDataTables,
        keyId: key?.keyId,
        publication: publication && {
          ...publication,
          size: formatSize(publication.bytes),
          day: publication.publishedAt.slice(0, 10),
        },
        endpoints: apiEndpoints.map((endpoint) => ({
          path: openApiPath(endpoint.url),
          summary: endpoint.summary,
          // Addresses without parameters can be opened as they are.
          href: endpoint.url.includes(':') ? null : endpoint.url,
        })),
      });
    },
  );

  app.get(
    '/open-data/dictionary',
    { config: { access: 'public', pageCache: true } },
    async (_request, reply) =>
      reply.page('pages/open-data-dictionary.njk', {
        title: 'Open data dictionary',
        tables: openDataTables,
        conventions: openDataConventions,
        otherFiles: openDataOtherFiles,
        lineBreak: csvConventions.lineBreak,
      }),
  );

  app.get<{ Params: { file: string } }>(
    '/open-data/:file',
    { config: { access: 'public' } },
    async (request, reply) => {
      const file = request.params.file;
      if (file === 'record-public-key.pem') {
        const key = await publicKey();
        if (key) return download(reply, file, mediaTypes.pem, key.publicKeyPem);
      } else if (file === openDataZipName) {
        const publication = await findLatestOpenDataPublication(db);
        const zip = publication && (await context.deps.blobs.read(publication.sha256));
        if (zip?.state === 'intact') return download(reply, file, mediaTypes.zip, zip.bytes);
      } else {
        const [, name, extension] = /^([a-z_-]+)\.([a-z]+)$/.exec(file) ?? [];
        const format = openDataFormats.find((each) => each === extension);
        if (name !== undefined && format !== undefined) {
          if (name === 'data-dictionary')
            return download(reply, file, mediaTypes[format], dictionaryFile(format));
          const data = await buildOpenData(db, { baseUrl });
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

function download(reply: FastifyReply, fileName: string, type: string, body: string | Buffer) {
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(body);
}

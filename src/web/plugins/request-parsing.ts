import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';

import type { WebConfig } from '../../config/load-config.js';
import { multipartLimits } from '../workspace/uploads/upload-limits.js';
import { removeUnkeptUploads, stageFileParts } from '../workspace/uploads/uploaded-files.js';
import { rootPlugin } from './root-plugin.js';

/**
 * Cookies and form bodies (url-encoded, and multipart within the upload limits, its files streamed
 * to the uploads folder and removed after the response unless a route kept them), read for every
 * route; and rate limits, which each route that needs one sets in its `config.rateLimit`.
 */
export function requestParsing(config: WebConfig) {
  return rootPlugin(async (app) => {
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    await app.register(fastifyMultipart, {
      attachFieldsToBody: true,
      // Files go straight to the uploads folder as they arrive, never whole into memory.
      onFile: stageFileParts(config.uploadsDir),
      limits: multipartLimits(config.maxUploadBytes),
    });
    app.addHook('onResponse', removeUnkeptUploads);
    app.addHook('onRequestAbort', removeUnkeptUploads);
    await app.register(fastifyRateLimit, { global: false });
  });
}

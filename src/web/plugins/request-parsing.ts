import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';

import type { WebConfig } from '../../config/load-config.js';
import { multipartLimits } from '../workspace/uploads/upload-limits.js';
import { rootPlugin } from './root-plugin.js';

/**
 * Cookies and form bodies (url-encoded, and multipart within the upload limits), read for every
 * route; and rate limits, which each route that needs one sets in its `config.rateLimit`.
 */
export function requestParsing(config: WebConfig) {
  return rootPlugin(async (app) => {
    await app.register(fastifyCookie);
    await app.register(fastifyFormbody);
    await app.register(fastifyMultipart, {
      attachFieldsToBody: true,
      limits: multipartLimits(config.maxUploadBytes),
    });
    await app.register(fastifyRateLimit, { global: false });
  });
}

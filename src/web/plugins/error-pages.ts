import type { FastifyError } from 'fastify';

import type { WebConfig } from '../../config/load-config.js';
import { handleError, handleNotFound } from '../render/error-pages.js';
import { rootPlugin } from './root-plugin.js';

/** The page (or JSON problem, under /api/) for an address that leads nowhere or an error. */
export function errorPages(config: WebConfig) {
  return rootPlugin(async (app) => {
    app.setNotFoundHandler(handleNotFound);
    app.setErrorHandler<FastifyError>((error, request, reply) =>
      handleError(error, request, reply, config),
    );
    return Promise.resolve();
  });
}

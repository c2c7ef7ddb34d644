import type { FastifyReply } from 'fastify';

import { layoutValues } from '../render/layout-values.js';
import { createTemplateEnvironment } from '../render/template-environment.js';
import type { WebContext } from '../web-context.js';
import { rootPlugin } from './root-plugin.js';

/**
 * `reply.page(template, values, statusCode)`: renders a page with the layout's shared values
 * (service name, signed-in user, CSRF token, demonstration banner) merged into `values`.
 */
export function pageRendering(context: WebContext) {
  return rootPlugin(async (app) => {
    const templates = createTemplateEnvironment({ cache: context.config.production });
    app.decorateReply(
      'page',
      async function (
        this: FastifyReply,
        template: string,
        values: Record<string, unknown> = {},
        statusCode = 200,
      ) {
        const shared = await layoutValues(context, this.request);
        const html = templates.render(template, { ...shared, ...values });
        return this.code(statusCode).type('text/html; charset=utf-8').send(html);
      },
    );
    return Promise.resolve();
  });
}

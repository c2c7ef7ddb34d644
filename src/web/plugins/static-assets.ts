import fastifyStatic from '@fastify/static';

import type { WebConfig } from '../../config/load-config.js';
import { nhsukStylesheet } from '../render/nhsuk-stylesheet.js';
import { nhsukFrontend, publicDir } from '../render/template-environment.js';
import { rootPlugin } from './root-plugin.js';

/** simwatch's own CSS and scripts, the NHS.UK frontend's assets, scripts and stylesheet. */
export function staticAssets(config: WebConfig) {
  return rootPlugin(async (app) => {
    await app.register(fastifyStatic, {
      root: publicDir,
      prefix: '/assets/simwatch/',
      maxAge: config.production ? '1d' : 0,
    });
    await app.register(fastifyStatic, {
      root: nhsukFrontend.assets,
      prefix: '/assets/',
      decorateReply: false,
      maxAge: '1d',
    });
    await app.register(fastifyStatic, {
      root: `${nhsukFrontend.dist}/nhsuk`,
      prefix: '/assets/nhsuk/',
      decorateReply: false,
      maxAge: '1d',
      allowedPath: (path) => path.endsWith('.min.js') || path.endsWith('.min.js.map'),
    });
    const stylesheet = await nhsukStylesheet();
    app.get('/assets/nhsuk/nhsuk-frontend.css', (_request, reply) =>
      reply
        .type('text/css; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(stylesheet),
    );
  });
}

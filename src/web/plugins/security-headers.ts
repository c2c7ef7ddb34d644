import fastifyHelmet from '@fastify/helmet';

import type { WebConfig } from '../../config/load-config.js';
import { contentSecurityPolicy } from '../security/content-security-policy.js';
import { rootPlugin } from './root-plugin.js';

/** The security headers of every answer: the content security policy, HSTS behind a proxy... */
export function securityHeaders(config: WebConfig) {
  return rootPlugin(async (app) => {
    await app.register(fastifyHelmet, {
      contentSecurityPolicy: { directives: contentSecurityPolicy },
      // Cross-origin isolation would stop people linking to downloads from elsewhere.
      crossOriginEmbedderPolicy: false,
      strictTransportSecurity:
        config.trustProxyHops > 0 ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
  });
}

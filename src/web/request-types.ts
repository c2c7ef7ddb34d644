import type { Access } from './auth/roles.js';
import type { User } from './auth/users-service.js';
import type { RouteAccess } from './web-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with who may use it. */
    routeTable: readonly RouteAccess[];
  }
  interface FastifyContextConfig {
    /** Who may use the route: every route must say (see create-web-app). */
    access?: Access;
    /** False for routes that take no form (GET routes need none). */
    csrf?: boolean;
    /**
     * True for public pages that are the same for everyone not signed in: they are kept, once
     * rendered, until the register changes (see render/page-cache).
     */
    pageCache?: boolean;
  }
  interface FastifyRequest {
    /** The signed-in account, or null. */
    user: User | null;
    /** The token this browser's forms must carry (see security/csrf-token). */
    csrfToken: string;
    /** The register's version when a cacheable page was asked for; -1 otherwise. */
    cacheVersion: number;
  }
  interface FastifyReply {
    /**
     * Renders a page template with the layout's shared values (service name, signed-in user, CSRF
     * token, demonstration banner) merged into `values`.
     */
    page(
      template: string,
      values?: Record<string, unknown>,
      statusCode?: number,
    ): Promise<FastifyReply>;
  }
}

import type { Access } from '../accounts/roles.js';
import type { User } from '../accounts/users-service.js';
import type { RouteAccess } from './web-context.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with who may use it. */
    routeTable: readonly RouteAccess[];
  }
  interface FastifyContextConfig {
    /** Who may use the route: every route must say (see app.ts). */
    access?: Access;
    /** False for routes that take no form (GET routes need none). */
    csrf?: boolean;
    /**
     * True for pages no browser or proxy may keep even for people not signed in (the sign-in
     * form). Every answer to a signed-in session is sent so anyway.
     */
    noStore?: boolean;
    /**
     * Set for public pages that are the same for everyone not signed in: they are kept, once
     * rendered, until the register changes (see render/page-cache). `true` for a page that reads
     * no query string; otherwise the names of the query parameters it reads, which alone make up
     * its key in the cache (so `?x=1`, `?x=2`... are one page, not one each).
     */
    pageCache?: true | { query: readonly string[] };
  }
  interface FastifyRequest {
    /** The signed-in account, or null. */
    user: User | null;
    /** The token this browser's forms must carry (see security/csrf-token). */
    csrfToken: string;
    /** The register's version when a cacheable page was asked for; -1 otherwise. */
    cacheVersion: number;
    /** The page's key in the page cache (see render/page-cache-key); '' when not cacheable. */
    cacheKey: string;
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

import type { RouteModule } from './route-modules.js';

/** TODO(helper): the organisation pages. */
export const organisationRoutes: RouteModule = () => undefined;

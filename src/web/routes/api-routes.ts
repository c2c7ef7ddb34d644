import type { RouteModule } from './route-modules.js';

/** TODO(helper): the api routes. */
export const apiRoutes: RouteModule = () => undefined;

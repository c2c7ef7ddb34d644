import type { RouteModule } from './route-modules.js';

/** TODO(helper): the search pages. */
export const searchRoutes: RouteModule = () => undefined;

import type { RouteModule } from './route-modules.js';

/** TODO(helper): the feed routes. */
export const feedRoutes: RouteModule = () => undefined;

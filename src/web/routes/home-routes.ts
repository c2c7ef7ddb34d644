import type { RouteModule } from './route-modules.js';

/** TODO(helper): the home pages. */
export const homeRoutes: RouteModule = () => undefined;

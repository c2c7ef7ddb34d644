import type { RouteModule } from './route-modules.js';

/** TODO(helper): the method pages. */
export const methodRoutes: RouteModule = () => undefined;

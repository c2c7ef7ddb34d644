import type { RouteModule } from './route-modules.js';

/** TODO(helper): the open-data pages. */
export const openDataRoutes: RouteModule = () => undefined;

import type { RouteModule } from '../routes/route-modules.js';

/** TODO(helper): the account pages. */
export const accountRoutes: RouteModule = () => undefined;

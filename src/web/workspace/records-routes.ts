import type { RouteModule } from '../routes/route-modules.js';

/** TODO(helper): assurances, returns and organisations in the workspace. */
export const recordsRoutes: RouteModule = () => undefined;

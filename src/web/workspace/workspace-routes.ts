import type { RouteModule } from '../routes/route-modules.js';

/** TODO(helper): the workspace pages. */
export const workspaceRoutes: RouteModule = () => undefined;

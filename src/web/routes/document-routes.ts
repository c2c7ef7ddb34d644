import type { RouteModule } from './route-modules.js';

/** TODO(helper): the document pages. */
export const documentRoutes: RouteModule = () => undefined;

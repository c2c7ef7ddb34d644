import type { RouteModule } from '../../route-module.js';
import { assuranceRoutes } from './assurance-routes.js';
import { documentEditRoutes } from './document-edit-routes.js';
import { organisationAdminRoutes } from './organisation-admin-routes.js';
import { responseRoutes } from './response-routes.js';
import { reviewRoutes } from './review-routes.js';

/** Record-keeping in the workspace: assurances, reviews and returns, organisations, documents. */
export const recordsRoutes: RouteModule = async (app, context) => {
  await assuranceRoutes(app, context);
  await reviewRoutes(app, context);
  await organisationAdminRoutes(app, context);
  await documentEditRoutes(app, context);
  await responseRoutes(app, context);
};

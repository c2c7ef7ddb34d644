import type { RouteModule } from '../routes/route-module.js';
import { assuranceRoutes } from './records/assurance-routes.js';
import { documentEditRoutes } from './records/document-edit-routes.js';
import { organisationAdminRoutes } from './records/organisation-admin-routes.js';
import { reviewRoutes } from './records/review-routes.js';

/** Record-keeping in the workspace: assurances, reviews and returns, organisations, documents. */
export const recordsRoutes: RouteModule = async (app, context) => {
  await assuranceRoutes(app, context);
  await reviewRoutes(app, context);
  await organisationAdminRoutes(app, context);
  await documentEditRoutes(app, context);
};

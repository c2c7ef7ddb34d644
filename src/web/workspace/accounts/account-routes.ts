import type { RouteModule } from '../../route-module.js';
import { accountAdminRoutes } from './account-admin-routes.js';
import { passwordRoutes } from './password-routes.js';

/** Accounts: administrators manage them; everyone signed in can change their own password. */
export const accountRoutes: RouteModule = async (app, context) => {
  await accountAdminRoutes(app, context);
  await passwordRoutes(app, context);
};

import type { RouteModule } from '../routes/route-module.js';
import { accountAdminRoutes } from './accounts/account-admin-routes.js';
import { passwordRoutes } from './accounts/password-routes.js';

/** Accounts: administrators manage them; everyone signed in can change their own password. */
export const accountRoutes: RouteModule = async (app, context) => {
  await accountAdminRoutes(app, context);
  await passwordRoutes(app, context);
};

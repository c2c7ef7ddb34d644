import type { AppDeps } from '../app/create-app-deps.js';
import type { WebConfig } from '../config/load-config.js';
import type { Access } from '../accounts/roles.js';

/** What every route module is given. */
export interface WebContext {
  deps: AppDeps;
  config: WebConfig;
}

/** A route and who may use it, as the app registered it (the access matrix test reads these). */
export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

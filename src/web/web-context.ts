import type { AppDeps } from '../app/create-app-deps.js';
import type { WebConfig } from '../config/load-config.js';

/** What every route module is given. */
export interface WebContext {
  deps: AppDeps;
  config: WebConfig;
  /** Signs a checkpoint of the record after a change made through the web. */
  afterChange(): Promise<void>;
}

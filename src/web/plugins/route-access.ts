import type { RouteAccess } from '../web-context.js';
import { rootPlugin } from './root-plugin.js';

/**
 * Every route declares who may use it (`config.access`); a route that does not is refused when
 * the app is built, so none can be left open by mistake. The routes and their access are kept
 * in `app.routeTable` (the access matrix test reads it).
 */
export function routeAccess() {
  return rootPlugin(async (app) => {
    const routeTable: RouteAccess[] = [];
    app.decorate('routeTable', routeTable);
    app.addHook('onRoute', (route) => {
      let access = route.config?.access;
      if (access === undefined && route.url.startsWith('/assets/')) access = 'public';
      if (access === undefined)
        throw new Error(
          `The route ${route.method.toString()} ${route.url} does not say who may use it`,
        );
      route.config = { ...route.config, access };
      for (const method of [route.method].flat())
        if (method !== 'HEAD') routeTable.push({ method, url: route.url, access });
    });
    return Promise.resolve();
  });
}

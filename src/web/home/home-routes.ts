import { countEvents } from '../../register/ledger/record-reads.js';
import { loadHomeView, type HomeView } from './home-view.js';
import { createVersionedCache } from '../render/versioned-cache.js';
import type { RouteModule } from '../route-module.js';

/** The home page: national figures as a chart and tables, and what changed recently. */
export const homeRoutes: RouteModule = (app, { deps }) => {
  const cache = createVersionedCache<HomeView>({ maxEntries: 1 });

  app.get('/', { config: { access: 'public', pageCache: true } }, async (_request, reply) => {
    const version = await countEvents(deps.database.db);
    const view = await cache.get('home', version, () => loadHomeView(deps.database));
    return reply.page('pages/home.njk', {
      title: 'SIM-type practices in mental health care',
      ...view,
    });
  });
};

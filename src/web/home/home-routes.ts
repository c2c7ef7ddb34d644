import { countEvents } from '../../register/ledger/record-reads.js';
import { loadHomeView, type HomeView } from './home-view.js';
import { createVersionedCache } from '../render/versioned-cache.js';
import type { RouteModule } from '../route-module.js';

/**
 * The home page: the organisations contradicted by evidence or past a promised end, national
 * figures as a chart and tables, and what changed recently. It is rebuilt when the register
 * changes and when the day changes (a promised end passes with the day).
 */
export const homeRoutes: RouteModule = (app, { deps }) => {
  const cache = createVersionedCache<HomeView>({ maxEntries: 2 });

  app.get('/', { config: { access: 'public', pageCache: true } }, async (_request, reply) => {
    const version = await countEvents(deps.database.db);
    const today = deps.now().toISOString().slice(0, 10);
    const view = await cache.get(today, version, () => loadHomeView(deps.database, today));
    return reply.page('pages/home.njk', {
      title: 'SIM-type practices in mental health care',
      ...view,
    });
  });
};

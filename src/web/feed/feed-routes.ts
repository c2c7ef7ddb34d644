import { buildAtomFeed } from './build-atom-feed.js';
import { feedEntryOf } from './feed-entries.js';
import { listFeedItems, registerIdentity } from '../../register/changes/feed-items-repository.js';
import { stableUrn } from './stable-urn.js';
import type { RouteModule } from '../route-module.js';

/** How many entries the feed holds. */
export const feedLength = 50;

/** The Atom feed of new confirmed evidence and new assurances, newest first. */
export const feedRoutes: RouteModule = (app, context) => {
  const db = context.deps.database.db;
  app.get('/feed.atom', { config: { access: 'public' } }, async (_request, reply) => {
    // The configured address, never the request's Host header, which anyone can forge.
    const baseUrl = context.config.publicUrl;
    const [identity, items] = await Promise.all([
      registerIdentity(db),
      listFeedItems(db, feedLength),
    ]);
    const site = { baseUrl, registerIdentity: identity };
    const xml = buildAtomFeed({
      id: stableUrn(identity, 'feed'),
      title: `${context.config.serviceName}: new evidence and assurances`,
      subtitle:
        'Evidence confirmed by two reviewers, and assurances organisations gave, newest first. Personal data is removed from excerpts.',
      selfUrl: `${baseUrl}/feed.atom`,
      siteUrl: `${baseUrl}/`,
      author: context.config.serviceName,
      updated: context.deps.now().toISOString(),
      entries: items.map((item) => feedEntryOf(item, site)),
    });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(xml);
  });
};

import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../errors.js';
import { listFactArrivals } from '../../register/changes/fact-arrivals-repository.js';
import { listFeedItems, registerIdentity } from '../../register/changes/feed-items-repository.js';
import { countEvents } from '../../register/ledger/record-reads.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { findOrganisationByCode } from '../../register/organisations/organisations-repository.js';
import { listStatusChanges, type StatusChange } from '../../register/status/status-changes.js';
import { createVersionedCache } from '../render/versioned-cache.js';
import type { RouteModule } from '../route-module.js';
import { buildAtomFeed, type AtomFeed } from './build-atom-feed.js';
import { feedEntryOf } from './feed-entries.js';
import { statusChangeEntry } from './status-change-entry.js';
import { stableUrn } from './stable-urn.js';

/** How many entries the feed holds. */
export const feedLength = 50;

/**
 * The Atom feeds: new confirmed evidence and assurances (all, or one organisation's with
 * `?organisation=CODE`), and changes of organisations' derived status (likewise).
 */
export const feedRoutes: RouteModule = (app, context) => {
  const db = context.deps.database.db;
  // The configured address, never the request's Host header, which anyone can forge.
  const baseUrl = context.config.publicUrl;
  const serviceName = context.config.serviceName;
  const statusChanges = createVersionedCache<StatusChange[]>({ maxEntries: 1 });

  /** The organisation named by `?organisation=`, undefined when none is asked for. */
  async function organisationOf(query: unknown) {
    const code = (query as { organisation?: unknown }).organisation;
    if (code === undefined || code === '') return undefined;
    const found = typeof code === 'string' ? await findOrganisationByCode(db, code) : undefined;
    if (!found)
      throw new SimwatchError(
        'not_found',
        `No organisation in the register has the code "${typeof code === 'string' ? code : ''}". Check the code in the feed's address.`,
      );
    return found;
  }

  app.get('/feed.atom', { config: { access: 'public' } }, async (request, reply) => {
    const organisation = await organisationOf(request.query);
    const code = organisation?.code;
    const [identity, items] = await Promise.all([
      registerIdentity(db),
      listFeedItems(db, feedLength, code === undefined ? {} : { organisationCode: code }),
    ]);
    const site = { baseUrl, registerIdentity: identity };
    return sendFeed(reply, {
      id: stableUrn(identity, code === undefined ? 'feed' : `feed/organisation/${code}`),
      title: organisation
        ? `${serviceName}: new evidence and assurances about ${organisation.name}`
        : `${serviceName}: new evidence and assurances`,
      subtitle:
        'Evidence confirmed by two reviewers, and assurances organisations gave, newest first. Personal data is removed from excerpts.',
      selfUrl: `${baseUrl}${feedPath('/feed.atom', code)}`,
      siteUrl: code === undefined ? `${baseUrl}/` : organisationUrl(code),
      author: serviceName,
      updated: context.deps.now().toISOString(),
      entries: items.map((item) => feedEntryOf(item, site)),
    });
  });

  app.get('/status-changes.atom', { config: { access: 'public' } }, async (request, reply) => {
    const organisation = await organisationOf(request.query);
    const code = organisation?.code;
    const [identity, all] = await Promise.all([
      registerIdentity(db),
      statusChanges.get('all', await countEvents(db), async () => {
        const [facts, arrivals] = await Promise.all([
          loadOrganisationFacts(db),
          listFactArrivals(db),
        ]);
        return facts
          .flatMap((each) => listStatusChanges(each, arrivals))
          .sort((a, b) => (a.time === b.time ? 0 : a.time < b.time ? 1 : -1));
      }),
    ]);
    const site = { baseUrl, registerIdentity: identity };
    const changes = all.filter((change) => code === undefined || change.organisation.code === code);
    return sendFeed(reply, {
      id: stableUrn(identity, code === undefined ? 'status-changes' : `status-changes/${code}`),
      title: organisation
        ? `${serviceName}: changes of status of ${organisation.name}`
        : `${serviceName}: changes of organisations' status`,
      subtitle:
        'Each time new returns, assurances or confirmed evidence changed an organisation’s status by the published rules, newest first, with the old and new status and why.',
      selfUrl: `${baseUrl}${feedPath('/status-changes.atom', code)}`,
      siteUrl: code === undefined ? `${baseUrl}/organisations` : organisationUrl(code),
      author: serviceName,
      updated: context.deps.now().toISOString(),
      entries: changes.slice(0, feedLength).map((change) => statusChangeEntry(change, site)),
    });
  });

  function organisationUrl(code: string): string {
    return `${baseUrl}/organisations/${encodeURIComponent(code)}`;
  }
};

/** A feed's path, with the organisation it is narrowed to. */
export function feedPath(path: string, organisationCode?: string): string {
  return organisationCode === undefined
    ? path
    : `${path}?${new URLSearchParams({ organisation: organisationCode }).toString()}`;
}

function sendFeed(reply: FastifyReply, feed: AtomFeed): FastifyReply {
  return reply
    .type('application/atom+xml; charset=utf-8')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(buildAtomFeed(feed));
}

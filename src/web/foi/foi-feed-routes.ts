import type { FastifyReply } from 'fastify';

import { requestStateNames, type FoiRequestWithDeadline } from '../../foi/foi-request.js';
import { registerIdentity } from '../../register/changes/feed-items-repository.js';
import type { FoiStateChangeOfRequest } from '../../register/foi/foi-repository.js';
import { listRecentStateChanges, listRequests } from '../../register/foi/foi-service.js';
import { todayOf } from '../../register/calendar-date.js';
import { buildAtomFeed, type AtomEntry, type AtomFeed } from '../feed/build-atom-feed.js';
import { feedLength } from '../feed/feed-routes.js';
import { stableUrn } from '../feed/stable-urn.js';
import type { RouteModule } from '../route-module.js';
import { publicRequestPath, timelinessText } from './foi-view.js';

/** Where a feed's links go and what its ids are made from. */
interface FeedSite {
  baseUrl: string;
  identity: string;
}

/** The entry for a change of a sent request's state; its sending is the first. */
export function stateChangeEntry(change: FoiStateChangeOfRequest, site: FeedSite): AtomEntry {
  const sending = change.from === 'draft';
  return {
    id: stableUrn(site.identity, `foi/${change.requestRef}/state-change/${change.id}`),
    title: sending
      ? `Request sent to ${change.organisationName}: ${change.subject} (${change.requestRef})`
      : `${change.organisationName}: ${requestStateNames[change.to]} (${change.requestRef})`,
    updated: change.changedAt,
    url: `${site.baseUrl}${publicRequestPath(change.requestRef)}`,
    relatedUrl: `${site.baseUrl}/organisations/${encodeURIComponent(change.organisationCode)}`,
    summary: sending
      ? `${change.requestRef} (${change.subject}) was sent to ${change.organisationName} on ${change.onDay}.`
      : `${change.requestRef} (${change.subject}) moved from "${requestStateNames[change.from]}" to "${requestStateNames[change.to]}" on ${change.onDay}.`,
    categories: ['foi-request', sending ? 'sent' : 'state-change', change.to],
  };
}

/** The entry for an overdue request: one when it became overdue, another when long overdue. */
export function overdueEntry(request: FoiRequestWithDeadline, site: FeedSite): AtomEntry {
  const long = request.timeliness === 'long_overdue';
  const since = (long ? request.longOverdueOn : request.dueOn) ?? request.sentOn ?? '';
  return {
    id: stableUrn(site.identity, `foi/${request.ref}/${long ? 'long-overdue' : 'overdue'}`),
    title: `${long ? 'Long overdue' : 'Overdue'}: ${request.organisationName} (${request.ref})`,
    // The day after the deadline, when the request became overdue.
    updated: `${nextDay(since)}T00:00:00.000Z`,
    url: `${site.baseUrl}${publicRequestPath(request.ref)}`,
    relatedUrl: `${site.baseUrl}/organisations/${encodeURIComponent(request.organisationCode)}`,
    summary: `${request.ref} (${request.subject}), sent ${request.sentOn ?? ''}, was due by ${request.dueOn ?? ''}. ${timelinessText(request)}.`,
    categories: ['foi-request', long ? 'long-overdue' : 'overdue'],
  };
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** Newest first, by the time of each entry. */
function newestFirst(a: AtomEntry, b: AtomEntry): number {
  return a.updated === b.updated ? 0 : a.updated < b.updated ? 1 : -1;
}

/**
 * The Atom feeds of requests: every request sent and each later change of state, and the
 * requests overdue today (an entry when each became overdue, another when long overdue).
 */
export const foiFeedRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;
  const baseUrl = context.config.publicUrl;
  const serviceName = context.config.serviceName;

  app.get('/foi/feed.atom', { config: { access: 'public' } }, async (_request, reply) => {
    const [identity, changes] = await Promise.all([
      registerIdentity(db),
      listRecentStateChanges(deps, { limit: feedLength }),
    ]);
    const site = { baseUrl, identity };
    const entries = changes.map((change) => stateChangeEntry(change, site));
    return sendAtom(reply, {
      id: stableUrn(identity, 'foi/feed'),
      title: `${serviceName}: freedom of information requests`,
      subtitle: 'Requests sent from the register, and each change of their state, newest first.',
      selfUrl: `${baseUrl}/foi/feed.atom`,
      siteUrl: `${baseUrl}/foi`,
      author: serviceName,
      updated: deps.now().toISOString(),
      entries,
    });
  });

  app.get('/foi/overdue.atom', { config: { access: 'public' } }, async (_request, reply) => {
    const [identity, requests] = await Promise.all([
      registerIdentity(db),
      listRequests(deps, { timeliness: 'overdue_any', includeDrafts: false }, todayOf(deps.now())),
    ]);
    const site = { baseUrl, identity };
    return sendAtom(reply, {
      id: stableUrn(identity, 'foi/overdue'),
      title: `${serviceName}: overdue freedom of information requests`,
      subtitle:
        'Requests not answered within 20 working days (overdue) or 40 working days (long overdue), as of today.',
      selfUrl: `${baseUrl}/foi/overdue.atom`,
      siteUrl: `${baseUrl}/foi/overdue`,
      author: serviceName,
      updated: deps.now().toISOString(),
      entries: requests
        .map((each) => overdueEntry(each, site))
        .sort(newestFirst)
        .slice(0, feedLength),
    });
  });
};

function sendAtom(reply: FastifyReply, feed: AtomFeed): FastifyReply {
  return reply
    .type('application/atom+xml; charset=utf-8')
    .header('access-control-allow-origin', '*')
    .header('cross-origin-resource-policy', 'cross-origin')
    .send(buildAtomFeed(feed));
}

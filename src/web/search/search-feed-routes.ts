import { SimwatchError } from '../../errors.js';
import { registerIdentity } from '../../register/changes/feed-items-repository.js';
import { listDocumentAddedTimes } from '../../register/documents/documents-repository.js';
import { readSearchForm } from '../../search/read-search-form.js';
import { searchDocuments } from '../../search/search-documents.js';
import { listSearchFilterOptions } from '../../search/search-filter-options.js';
import type { SearchResult } from '../../search/search-types.js';
import { buildAtomFeed } from '../feed/build-atom-feed.js';
import { stableUrn } from '../feed/stable-urn.js';
import type { RouteModule } from '../route-module.js';
import { searchUrl } from './search-routes.js';

/** How many pages of results (most relevant first) a search's feed reads. */
const feedPages = 3;

/**
 * A search as an Atom feed: the public documents the same search finds (its first pages of
 * results, most relevant first), newest added first, so a feed reader shows new matches. The
 * query is the search page's, and the search page links it.
 */
export const searchFeedRoutes: RouteModule = (app, { deps, config }) => {
  app.get('/search.atom', { config: { access: 'public' } }, async (request, reply) => {
    const options = await listSearchFilterOptions(deps.database);
    const codes = new Set(options.organisations.map((organisation) => organisation.code));
    const form = readSearchForm({ ...(request.query as object), page: '' }, (code) =>
      codes.has(code),
    );
    if (form.errors.length > 0 || !form.query)
      throw new SimwatchError(
        'invalid_input',
        `Cannot make a feed of this search: ${form.errors[0]?.text ?? 'enter words to search for'}`,
      );
    const query = form.query;
    const pages = await Promise.all(
      Array.from({ length: feedPages }, (_, index) =>
        searchDocuments(deps.database, { ...query, page: index + 1, signedIn: false }),
      ),
    );
    const results = pages.flatMap((page) => page.results);
    const [identity, added] = await Promise.all([
      registerIdentity(deps.database.db),
      listDocumentAddedTimes(
        deps.database.db,
        results.map((result) => result.documentId),
      ),
    ]);
    const baseUrl = config.publicUrl;
    const pagePath = searchUrl(form.values, 1);
    const feedQuery = pagePath.slice('/search'.length);
    const entries = results
      .map((result) => ({ result, time: added.get(result.documentId) ?? '' }))
      .sort((a, b) => (a.time === b.time ? 0 : a.time < b.time ? 1 : -1))
      .map(({ result, time }) => searchEntry(result, time, baseUrl, identity));
    const xml = buildAtomFeed({
      // The same search gives the same feed id, wherever the site is.
      id: stableUrn(identity, `search${feedQuery}`),
      title: `${config.serviceName}: documents matching “${form.values.q}”`,
      subtitle:
        'Public documents the search finds, newest added first. Personal details are removed from the extracts.',
      selfUrl: `${baseUrl}/search.atom${feedQuery}`,
      siteUrl: `${baseUrl}${pagePath}`,
      author: config.serviceName,
      updated: deps.now().toISOString(),
      entries,
    });
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('access-control-allow-origin', '*')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(xml);
  });
};

function searchEntry(result: SearchResult, time: string, baseUrl: string, identity: string) {
  const anchor = result.pageNumber ?? result.position;
  const names = result.organisations.map((organisation) => organisation.name).join(', ');
  return {
    id: stableUrn(identity, `document/${result.documentId}`),
    title: result.title,
    updated: time,
    url: `${baseUrl}/documents/${result.documentId}#page-${anchor}`,
    summary: `${names === '' ? '' : `${names}: `}${result.snippet.map((segment) => segment.text).join('')}`,
    categories: ['document', result.docType],
  };
}

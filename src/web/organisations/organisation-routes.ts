import { SimwatchError } from '../../errors.js';
import { paginate } from '../../search/search-pagination.js';
import {
  organisationKindNames,
  organisationKinds,
} from '../../register/organisations/organisation.js';
import { statusLabels, statusOrder } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { countEvents } from '../../register/ledger/record-reads.js';
import { featureHeading } from '../render/national-figures-view.js';
import { loadOrganisationPage, type OrganisationPage } from './organisation-page.js';
import {
  isFiltered,
  listIcbs,
  listRegions,
  maxNameSearchLength,
  organisationListUrl,
  organisationSorts,
  organisationsPerPage,
  pageOf,
  parseOrganisationQuery,
  selectOrganisations,
  type OrganisationSort,
} from './organisation-query.js';
import { createOrganisationSummaries } from './organisation-summaries.js';
import { createVersionedCache } from '../render/versioned-cache.js';
import { formatCitation } from '../render/citation.js';
import { readCitationContext } from '../render/citation-context.js';
import type { RouteModule } from '../route-module.js';
import { createFoiCounts } from '../foi/foi-counts.js';

const sortNames: Record<OrganisationSort, string> = {
  name: 'Name (A to Z)',
  status: 'Most serious status first',
  evidence: 'Most confirmed evidence first',
};

/**
 * The list of organisations (filtered and sorted through a plain GET form) and each
 * organisation's page. Both are built from the register once per change and then served from
 * memory, so a busy organisation page costs one small query per request.
 */
export const organisationRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;
  const pages = createVersionedCache<OrganisationPage | undefined>({ maxEntries: 1000 });
  const listAt = createOrganisationSummaries(db);
  const foiCountsAt = createFoiCounts(deps);

  app.get(
    '/organisations',
    {
      config: {
        access: 'public',
        pageCache: { query: ['q', 'kind', 'status', 'region', 'icb', 'feature', 'sort', 'page'] },
      },
    },
    async (request, reply) => {
      const all = await listAt(await countEvents(db));
      const regions = listRegions(all);
      const icbs = listIcbs(all);
      const { query, errors } = parseOrganisationQuery(
        request.query as Record<string, unknown>,
        regions,
        icbs.map((icb) => icb.code),
      );
      const matching = errors.length > 0 ? [] : selectOrganisations(all, query);
      const shown = pageOf(matching, query.page, organisationsPerPage);
      const title =
        shown.pageCount > 1
          ? `Organisations (page ${shown.page} of ${shown.pageCount})`
          : 'Organisations';
      return reply.page(
        'pages/organisations.njk',
        {
          title,
          errors,
          query,
          filtered: isFiltered(query),
          total: all.length,
          matching: matching.length,
          organisations: shown.items,
          page: shown.page,
          pageCount: shown.pageCount,
          firstNumber: shown.firstNumber,
          lastNumber: shown.firstNumber + shown.items.length - 1,
          pagination: paginate(shown.page, shown.pageCount, (page) =>
            organisationListUrl(query, { page }),
          ),
          firstPageUrl: organisationListUrl(query, { page: 1 }),
          maxNameSearchLength,
          fieldErrors: Object.fromEntries(errors.map((error) => [error.href.slice(1), error.text])),
          choices: {
            kind: organisationKinds.map((kind) => ({
              value: kind,
              text: organisationKindNames[kind],
            })),
            status: statusOrder.map((status) => ({ value: status, text: statusLabels[status] })),
            region: regions.map((region) => ({ value: region, text: region })),
            icb: icbs.map((icb) => ({ value: icb.code, text: icb.name })),
            feature: features.map((feature) => ({ value: feature, text: featureHeading(feature) })),
            sort: organisationSorts.map((sort) => ({ value: sort, text: sortNames[sort] })),
          },
        },
        errors.length > 0 ? 400 : 200,
      );
    },
  );

  app.get<{ Params: { code: string } }>(
    '/organisations/:code',
    { config: { access: 'public', pageCache: true } },
    async (request, reply) => {
      const { code } = request.params;
      const version = await countEvents(db);
      // Codes are checked against the (cached) list first, so unknown addresses cost no queries
      // and are never cached.
      const known = (await listAt(version)).some((each) => each.code === code);
      const page = known
        ? await pages.get(code, version, () => loadOrganisationPage(db, code))
        : undefined;
      if (!page)
        throw new SimwatchError(
          'not_found',
          `No organisation in the register has the code "${code}". Check the code, or find the organisation in the list of organisations.`,
        );
      const cited = await readCitationContext(request, context, version);
      return reply.page('pages/organisation.njk', {
        title: page.organisation.name,
        ...page,
        foi: (await foiCountsAt(version)).get(page.organisation.code),
        citation: formatCitation({
          ...cited,
          title: `${page.organisation.name}: entry in the simwatch register`,
          permalink: `${cited.baseUrl}/organisations/${encodeURIComponent(page.organisation.code)}`,
          dates: [
            { name: 'Status since', date: page.statusHistory[0]?.date ?? null },
            { name: 'Latest dated record', date: page.timelineMarks.at(-1)?.date ?? null },
          ],
          details: [{ name: 'Status', value: page.statusLabel }],
        }),
      });
    },
  );
};

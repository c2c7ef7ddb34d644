import { SimwatchError } from '../../errors.js';
import {
  requestRefPattern,
  requestStateNames,
  type FoiRequestWithDeadline,
} from '../../foi/foi-request.js';
import { todayOf } from '../../register/calendar-date.js';
import { getRequest, listRequests } from '../../register/foi/foi-service.js';
import { listOrganisations } from '../../register/organisations/organisations-repository.js';
import type { FoiStateChange } from '../../register/foi/foi-repository.js';
import type { RouteModule } from '../route-module.js';
import {
  foiListUrl,
  parseFoiListQuery,
  stateItems,
  timelinessNames,
  timelinessText,
  timelinessTagClass,
  type FoiListQuery,
} from './foi-view.js';

/** A request as a row of a list: the request and its timeliness in words. */
export function requestRow(request: FoiRequestWithDeadline) {
  return {
    ...request,
    stateName: requestStateNames[request.state],
    timelinessText: timelinessText(request),
    timelinessClass: timelinessTagClass(request.timeliness),
  };
}

/** A request's history as its pages list it, each state named. */
export function historyRows(history: readonly FoiStateChange[]) {
  return history.map((change) => ({
    ...change,
    fromName: requestStateNames[change.from],
    toName: requestStateNames[change.to],
  }));
}

/**
 * The public pages of requests: every sent request (drafts are never public) with its state and
 * deadline, the overdue ones, and each request's page with its text, dates, history and replies.
 */
export const foiPublicRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  async function showList(
    query: FoiListQuery,
    options: { path: string; title: string; overdueOnly: boolean },
  ) {
    const today = todayOf(deps.now());
    const timeliness = options.overdueOnly ? 'overdue_any' : query.timeliness;
    const requests = await listRequests(
      deps,
      {
        ...(query.organisation === undefined ? {} : { organisationCode: query.organisation }),
        ...(query.state === undefined ? {} : { state: query.state }),
        ...(timeliness === undefined ? {} : { timeliness }),
        includeDrafts: false,
      },
      today,
    );
    const organisations = await listOrganisations(db);
    const organisation = organisations.find((each) => each.code === query.organisation);
    return {
      title: organisation ? `${options.title}: ${organisation.name}` : options.title,
      path: options.path,
      overdueOnly: options.overdueOnly,
      today,
      query,
      organisation,
      requests: requests.filter((request) => request.sentOn !== null).map(requestRow),
      choices: {
        state: stateItems({ drafts: false }),
        timeliness: Object.entries(timelinessNames).map(([value, text]) => ({ value, text })),
        organisation: organisations.map((each) => ({ value: each.code, text: each.name })),
      },
      allUrl: foiListUrl('/foi', {}),
    };
  }

  app.get(
    '/foi',
    {
      config: {
        access: 'public',
        pageCache: { query: ['state', 'timeliness', 'organisation'] },
      },
    },
    async (request, reply) => {
      const query = parseFoiListQuery(request.query, { drafts: false });
      return reply.page(
        'foi/requests.njk',
        await showList(query, {
          path: '/foi',
          title: 'Freedom of information requests',
          overdueOnly: false,
        }),
      );
    },
  );

  app.get(
    '/foi/overdue',
    { config: { access: 'public', pageCache: { query: ['organisation'] } } },
    async (request, reply) => {
      const query = parseFoiListQuery(request.query, { drafts: false });
      return reply.page(
        'foi/requests.njk',
        await showList(
          { ...query, state: undefined, timeliness: 'overdue_any' },
          {
            path: '/foi/overdue',
            title: 'Overdue freedom of information requests',
            overdueOnly: true,
          },
        ),
      );
    },
  );

  app.get<{ Params: { ref: string } }>(
    '/foi/requests/:ref',
    { config: { access: 'public', pageCache: true } },
    async (request, reply) => {
      const { ref } = request.params;
      const notFound = new SimwatchError(
        'not_found',
        `No sent request has the reference "${ref}". Check the reference, or find the request in the list of requests.`,
      );
      if (!requestRefPattern.test(ref)) throw notFound;
      const detail = await findRequestDetail(ref);
      if (!detail || detail.state === 'draft' || detail.sentOn === null) throw notFound;
      return reply.page('foi/request.njk', {
        title: `${detail.subject} (${detail.ref})`,
        request: requestRow(detail),
        replies: detail.replies,
        history: historyRows(detail.history),
      });
    },
  );

  async function findRequestDetail(ref: string) {
    try {
      return await getRequest(deps, ref, todayOf(deps.now()));
    } catch (error) {
      if (error instanceof SimwatchError && error.code === 'not_found') return undefined;
      throw error;
    }
  }
};

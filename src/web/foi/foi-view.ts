import {
  requestStateNames,
  requestStates,
  type FoiRequestWithDeadline,
  type RequestState,
  type Timeliness,
} from '../../foi/foi-request.js';
import { formatDate as longDate } from '../render/template-environment.js';

/** What the timeliness filter offers: any overdue request, or one exact timeliness. */
export type TimelinessFilter = Timeliness | 'overdue_any';

/** Plain names of the timeliness filter's choices. */
export const timelinessNames: Record<TimelinessFilter, string> = {
  overdue_any: 'Overdue (including long overdue)',
  overdue: 'Overdue, less than 40 working days',
  long_overdue: 'Long overdue (more than 40 working days)',
  on_time: 'Awaiting response, not yet due',
  not_running: 'No answer owed now',
};

/** The filters of a list of requests, as read from its address. */
export interface FoiListQuery {
  state: RequestState | undefined;
  timeliness: TimelinessFilter | undefined;
  organisation: string | undefined;
  batch: string | undefined;
}

/**
 * Reads the filters of a list of requests from the query string. Unknown values are dropped (a
 * filter never fails the page), and drafts are offered only where `drafts` is true.
 */
export function parseFoiListQuery(query: unknown, options: { drafts: boolean }): FoiListQuery {
  const read = (name: string): string => {
    const value =
      typeof query === 'object' && query !== null
        ? (query as Record<string, unknown>)[name]
        : undefined;
    return typeof value === 'string' ? value.trim() : '';
  };
  const stateText = read('state');
  const state = requestStates.find(
    (each) => each === stateText && (options.drafts || each !== 'draft'),
  );
  const timelinessText = read('timeliness');
  const timeliness = (Object.keys(timelinessNames) as TimelinessFilter[]).find(
    (each) => each === timelinessText,
  );
  const organisation = read('organisation');
  const batch = read('batch');
  return {
    state,
    timeliness,
    organisation: /^[A-Za-z0-9-]{1,20}$/.test(organisation) ? organisation : undefined,
    batch: /^SW-FOI-BATCH-\d{4,}$/.test(batch) ? batch : undefined,
  };
}

/** The state choices for a filter or a form, without drafts unless asked for. */
export function stateItems(options: { drafts: boolean }): { value: RequestState; text: string }[] {
  return requestStates
    .filter((state) => options.drafts || state !== 'draft')
    .map((state) => ({ value: state, text: requestStateNames[state] }));
}

/** A request's timeliness in words, as lists and pages show it. */
export function timelinessText(
  request: Pick<
    FoiRequestWithDeadline,
    'state' | 'dueOn' | 'timeliness' | 'workingDaysOverdue' | 'respondedOn'
  >,
): string {
  const days = (count: number) => `${count} working ${count === 1 ? 'day' : 'days'}`;
  switch (request.timeliness) {
    case 'long_overdue':
      return `Long overdue: ${days(request.workingDaysOverdue)} late`;
    case 'overdue':
      return `Overdue: ${days(request.workingDaysOverdue)} late`;
    case 'on_time':
      return request.dueOn === null ? 'Awaiting response' : `Due by ${longDate(request.dueOn)}`;
    case 'not_running':
      if (request.state === 'draft') return 'Not sent yet';
      if (request.state === 'clarification_asked')
        return 'Clock stopped: waiting for the clarification';
      return request.respondedOn === null
        ? 'No answer owed now'
        : `Answered ${longDate(request.respondedOn)}`;
  }
}

/** The NHS.UK tag colour for a request: red when overdue, orange long before, etc. */
export function timelinessTagClass(timeliness: Timeliness): string {
  switch (timeliness) {
    case 'long_overdue':
      return 'nhsuk-tag--red';
    case 'overdue':
      return 'nhsuk-tag--orange';
    case 'on_time':
      return 'nhsuk-tag--blue';
    case 'not_running':
      return 'nhsuk-tag--grey';
  }
}

/** A one-line summary of an organisation's requests, as its page shows it: "12 requests, 3 overdue". */
export function requestCountText(counts: { requests: number; overdue: number }): string {
  const requests = `${counts.requests} ${counts.requests === 1 ? 'request' : 'requests'}`;
  return `${requests}, ${counts.overdue} overdue`;
}

/** The public address of a request. */
export function publicRequestPath(ref: string): string {
  return `/foi/requests/${encodeURIComponent(ref)}`;
}

/** The workspace address of a request. */
export function workspaceRequestPath(ref: string): string {
  return `/workspace/foi/requests/${encodeURIComponent(ref)}`;
}

/** The workspace address of a batch. */
export function workspaceBatchPath(ref: string): string {
  return `/workspace/foi/batches/${encodeURIComponent(ref)}`;
}

/** The address of a list with these filters (empty ones left out). */
export function foiListUrl(path: string, query: Partial<FoiListQuery>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (typeof value === 'string' && value !== '') params.set(name, value);
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

import type { FindingStatus } from '../../../register/findings/finding-status.js';
import { labels } from '../../../screening/finding.js';
import type { TriageFilter } from '../../../register/findings/triage-repository.js';
import { positiveInteger } from '../../forms/positive-integer.js';

/** The statuses the triage queue can show: the open ones (the default), one, or all. */
export const triageStatusChoices = {
  open: ['pending', 'in_discussion'],
  pending: ['pending'],
  in_discussion: ['in_discussion'],
  confirmed: ['confirmed'],
  rejected: ['rejected'],
  all: ['pending', 'in_discussion', 'confirmed', 'rejected'],
} as const satisfies Record<string, readonly FindingStatus[]>;

/** One choice of statuses. */
export type TriageStatusChoice = keyof typeof triageStatusChoices;

/** The triage queue's filters as the address gives them (anything unknown is ignored). */
export interface TriageQuery {
  status: TriageStatusChoice;
  organisation: string | undefined;
  label: string | undefined;
  document: number | undefined;
  /** `me`: only the findings assigned to the signed-in reviewer. */
  assigned: 'me' | undefined;
  page: number;
}

/** Findings on one page of the queue. */
export const triagePageSize = 20;

/** Reads the queue's filters and page from the query string, falling back to the defaults. */
export function parseTriageQuery(query: unknown): TriageQuery {
  const get = (name: string): string | undefined => {
    if (typeof query !== 'object' || query === null) return undefined;
    const value = (query as Record<string, unknown>)[name];
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  };
  const status = get('status');
  const label = get('label');
  const organisation = get('organisation');
  return {
    status: isStatusChoice(status) ? status : 'open',
    organisation:
      organisation !== undefined && /^[\w.-]{1,40}$/.test(organisation) ? organisation : undefined,
    label: labels.find((each) => each === label),
    document: positiveInteger(get('document')),
    assigned: get('assigned') === 'me' ? 'me' : undefined,
    page: positiveInteger(get('page')) ?? 1,
  };
}

/** The repository's filter for a query, for the signed-in user (`username`). */
export function triageFilter(query: TriageQuery, username?: string): TriageFilter {
  return {
    statuses: triageStatusChoices[query.status],
    organisationCode: query.organisation,
    label: query.label,
    documentId: query.document,
    assignedTo: query.assigned === 'me' ? (username ?? '') : undefined,
  };
}

/** The address of the queue with these filters, on a page (the defaults left out). */
export function triageUrl(query: TriageQuery, page = query.page): string {
  const params = new URLSearchParams();
  if (query.status !== 'open') params.set('status', query.status);
  if (query.organisation !== undefined) params.set('organisation', query.organisation);
  if (query.label !== undefined) params.set('label', query.label);
  if (query.document !== undefined) params.set('document', String(query.document));
  if (query.assigned !== undefined) params.set('assigned', query.assigned);
  if (page > 1) params.set('page', String(page));
  const search = params.toString();
  return search === '' ? '/workspace/findings' : `/workspace/findings?${search}`;
}

function isStatusChoice(text: string | undefined): text is TriageStatusChoice {
  return text !== undefined && Object.hasOwn(triageStatusChoices, text);
}

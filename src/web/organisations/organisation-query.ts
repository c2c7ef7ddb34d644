import { organisationKinds } from '../../register/organisations/organisation.js';
import {
  findNhsEnglandRegion,
  nhsEnglandRegions,
  outsideEngland,
  regionAreaOf,
} from '../../register/organisations/nhs-england-region.js';
import { statusOrder, type StatusCode } from '../../register/status/organisation-status.js';
import {
  features,
  type Feature,
  type OrganisationKind,
} from '../../register/status/register-facts.js';
import { positiveInteger } from '../forms/positive-integer.js';
import type { OrganisationSummary } from './organisation-summary.js';

/** The orders the list of organisations can be sorted in. */
export const organisationSorts = ['name', 'status', 'evidence'] as const;

/** One order of the list: by name, by how serious the status is, or by most evidence. */
export type OrganisationSort = (typeof organisationSorts)[number];

/** How many organisations one page of the list shows. */
export const organisationsPerPage = 20;

/** The longest name search the list accepts, in characters. */
export const maxNameSearchLength = 100;

/** What the list of organisations is narrowed to and sorted by, and the page of it shown. */
export interface OrganisationQuery {
  /** Words to find in a name, former name or code; empty for any. */
  q: string;
  kind: OrganisationKind | null;
  status: StatusCode | null;
  /** One of the seven NHS England regions, or "No region or outside England". */
  region: string | null;
  /** The code of an integrated care board: only the organisations in its area. */
  icb: string | null;
  feature: Feature | null;
  sort: OrganisationSort;
  /** The page of the list, from 1. */
  page: number;
}

/** A problem with the query, for the error summary: the message and the field it is about. */
export interface QueryError {
  text: string;
  href: string;
}

/**
 * Reads the list's filters and order from the query string. An empty value means "any"; a value
 * that is not one of the choices (an old link, a typing slip) is an error naming the field, so
 * that a person is never shown a list filtered differently from what they asked for.
 */
export function parseOrganisationQuery(
  query: Readonly<Record<string, unknown>>,
  regions: readonly string[],
  icbCodes: readonly string[] = [],
): { query: OrganisationQuery; errors: QueryError[] } {
  const errors: QueryError[] = [];
  const choose = <T extends string>(
    name: string,
    choices: readonly T[],
    message: string,
  ): T | null => {
    const value = query[name];
    if (value === undefined || value === '') return null;
    const found = choices.find((choice) => choice === value);
    if (found === undefined) errors.push({ text: message, href: `#${name}` });
    return found ?? null;
  };
  const parsed: OrganisationQuery = {
    q: readNameSearch(query.q, errors),
    kind: choose('kind', organisationKinds, 'Choose a kind of organisation from the list'),
    status: choose('status', statusOrder, 'Choose a status from the list'),
    region: chooseRegion(query.region, regions, errors),
    icb: choose('icb', icbCodes, 'Choose an integrated care board from the list'),
    feature: choose('feature', features, 'Choose a feature from the list'),
    sort: choose('sort', organisationSorts, 'Choose how to sort the list') ?? 'name',
    page: readPage(query.page, errors),
  };
  return { query: parsed, errors };
}

// An older name of a part of a region (an address written before regions were counted as NHS
// England's seven, such as "North East") is read as the region it is now part of.
function chooseRegion(
  value: unknown,
  regions: readonly string[],
  errors: QueryError[],
): string | null {
  if (value === undefined || value === '') return null;
  const wanted = typeof value === 'string' ? (findNhsEnglandRegion(value) ?? value) : value;
  const found = regions.find((region) => region === wanted);
  if (found === undefined) errors.push({ text: 'Choose a region from the list', href: '#region' });
  return found ?? null;
}

function readNameSearch(value: unknown, errors: QueryError[]): string {
  if (value === undefined) return '';
  if (typeof value !== 'string') {
    errors.push({ text: 'Enter the name or code once', href: '#q' });
    return '';
  }
  const text = value.replace(/\s+/g, ' ').trim();
  if (text.length > maxNameSearchLength) {
    errors.push({
      text: `Enter a name or code of ${maxNameSearchLength} characters or fewer`,
      href: '#q',
    });
    return '';
  }
  return text;
}

// A page past the last is not an error here: the page says so and links the first page.
function readPage(value: unknown, errors: QueryError[]): number {
  if (value === undefined || value === '') return 1;
  const page = positiveInteger(value, 100_000);
  if (page === undefined)
    errors.push({ text: 'Go to a page from the list of pages', href: '#results' });
  return page ?? 1;
}

/**
 * Whether an organisation's name, one of its former names or its code has the searched text in
 * it, ignoring capitals, accents and runs of spaces or punctuation, so "st andrew" finds
 * "St. Andrew's" and "rx9" finds the code "RX9".
 */
export function matchesNameSearch(
  organisation: Pick<OrganisationSummary, 'name' | 'code' | 'formerNames'>,
  text: string,
): boolean {
  const wanted = foldForSearch(text);
  if (wanted === '') return true;
  return [organisation.name, organisation.code, ...organisation.formerNames].some((each) =>
    foldForSearch(each).includes(wanted),
  );
}

/** Lower case, without accents or apostrophes, every other run of non-letters one space. */
function foldForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** One page of a list, with which page it is, how many there are and the first item's number. */
export interface ListPage<T> {
  items: T[];
  page: number;
  pageCount: number;
  /** The position (from 1) of the page's first item in the whole list. */
  firstNumber: number;
}

/** The page-th slice of `size` items; a page past the last gives no items. */
export function pageOf<T>(all: readonly T[], page: number, size: number): ListPage<T> {
  const start = (page - 1) * size;
  return {
    items: all.slice(start, start + size),
    page,
    pageCount: Math.max(1, Math.ceil(all.length / size)),
    firstNumber: start + 1,
  };
}

/** The fields of the query that narrow the list (not its order or page). */
export function isFiltered(query: OrganisationQuery): boolean {
  return (
    query.q !== '' ||
    query.kind !== null ||
    query.status !== null ||
    query.region !== null ||
    query.icb !== null ||
    query.feature !== null
  );
}

/** The address of the list for a query, leaving out what is empty or the default. */
export function organisationListUrl(
  query: OrganisationQuery,
  changes: Partial<OrganisationQuery> = {},
): string {
  const wanted = { ...query, ...changes };
  const parameters = new URLSearchParams();
  if (wanted.q !== '') parameters.set('q', wanted.q);
  for (const name of ['kind', 'status', 'region', 'icb', 'feature'] as const) {
    const value = wanted[name];
    if (value !== null) parameters.set(name, value);
  }
  if (wanted.sort !== 'name') parameters.set('sort', wanted.sort);
  if (wanted.page > 1) parameters.set('page', String(wanted.page));
  const search = parameters.toString();
  return search === '' ? '/organisations' : `/organisations?${search}`;
}

/** The organisations that match the query's filters, in its order (ties by name, then code). */
export function selectOrganisations(
  all: readonly OrganisationSummary[],
  query: OrganisationQuery,
): OrganisationSummary[] {
  const matching = all.filter(
    (each) =>
      matchesNameSearch(each, query.q) &&
      (query.kind === null || each.kind === query.kind) &&
      (query.status === null || each.status === query.status) &&
      (query.region === null || regionAreaOf(each.region) === query.region) &&
      (query.icb === null || each.icbCode === query.icb) &&
      (query.feature === null || each.featuresUsed.includes(query.feature)),
  );
  const byName = (a: OrganisationSummary, b: OrganisationSummary) =>
    a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code, 'en-GB');
  const order: Record<
    OrganisationSort,
    (a: OrganisationSummary, b: OrganisationSummary) => number
  > = {
    name: byName,
    status: (a, b) => statusOrder.indexOf(a.status) - statusOrder.indexOf(b.status) || byName(a, b),
    evidence: (a, b) => b.evidence - a.evidence || byName(a, b),
  };
  return [...matching].sort(order[query.sort]);
}

/**
 * The regions to offer as filters: NHS England's seven in the usual order (each has a tile on the
 * map, so each can be chosen even with no organisations yet), then "No region or outside England"
 * when an organisation is counted there.
 */
export function listRegions(all: readonly OrganisationSummary[]): string[] {
  const outside = all.some((each) => regionAreaOf(each.region) === outsideEngland);
  return [...nhsEnglandRegions, ...(outside ? [outsideEngland] : [])];
}

/** The integrated care boards to offer as filters, by name: each one of kind ICB in the list. */
export function listIcbs(all: readonly OrganisationSummary[]): { code: string; name: string }[] {
  return all
    .filter((each) => each.kind === 'integrated_care_board')
    .map(({ code, name }) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

import { describe, expect, it } from 'vitest';

import {
  evidence,
  organisationFacts,
  reviewReturn,
} from '../../register/status/test-support/organisation-facts.js';
import {
  listIcbs,
  listRegions,
  matchesNameSearch,
  organisationListUrl,
  pageOf,
  parseOrganisationQuery,
  selectOrganisations,
  type OrganisationQuery,
} from './organisation-query.js';
import {
  featuresUsed,
  summariseOrganisation,
  type OrganisationSummary,
} from './organisation-summary.js';

function summary(fields: Partial<OrganisationSummary>): OrganisationSummary {
  return {
    code: 'X',
    name: 'X',
    formerNames: [],
    icbCode: null,
    closed: null,
    kind: 'mental_health_trust',
    kindName: 'Mental health trust',
    region: 'North East',
    status: 'not_yet_reviewed',
    statusLabel: 'Not yet reviewed',
    evidence: 0,
    featuresUsed: [],
    ...fields,
  };
}

const all = [
  summary({
    code: 'A',
    name: 'Ashby Trust',
    icbCode: 'QXX',
    status: 'continuing',
    evidence: 2,
    featuresUsed: ['police_in_care'],
  }),
  summary({
    code: 'B',
    name: 'Bexley Police',
    formerNames: ['Old Kent Road Constabulary'],
    kind: 'police_force',
    region: 'South West',
    evidence: 5,
  }),
  summary({
    code: 'C',
    name: 'Corby Trust',
    status: 'contradicted',
    evidence: 1,
    featuresUsed: ['sim_named'],
  }),
  summary({
    code: 'D',
    name: 'Derby Network',
    kind: 'other',
    region: 'Unknown region',
    status: 'no_response',
  }),
];

const anything: OrganisationQuery = {
  q: '',
  kind: null,
  status: null,
  region: null,
  icb: null,
  feature: null,
  sort: 'name',
  page: 1,
};
const codes = (list: readonly OrganisationSummary[]) => list.map((each) => each.code).join('');

describe('parseOrganisationQuery()', () => {
  const regions = ['North East', 'South West'];

  it('reads no filters and sorts by name when the query is empty or blank', () => {
    expect(parseOrganisationQuery({}, regions)).toEqual({ query: anything, errors: [] });
    expect(parseOrganisationQuery({ kind: '', status: '', sort: '' }, regions)).toEqual({
      query: anything,
      errors: [],
    });
  });

  it('reads every filter and the order', () => {
    expect(
      parseOrganisationQuery(
        {
          kind: 'police_force',
          status: 'continuing',
          region: 'South West',
          feature: 'sim_named',
          sort: 'evidence',
          q: '  Bexley   police ',
          page: '3',
          icb: 'QXX',
        },
        regions,
        ['QXX'],
      ),
    ).toEqual({
      query: {
        q: 'Bexley police',
        page: 3,
        icb: 'QXX',
        kind: 'police_force',
        status: 'continuing',
        region: 'South West',
        feature: 'sim_named',
        sort: 'evidence',
      },
      errors: [],
    });
  });

  it.each([
    ['kind', 'hospital', 'Choose a kind of organisation from the list'],
    ['status', 'bad', 'Choose a status from the list'],
    ['region', 'Atlantis', 'Choose a region from the list'],
    ['feature', 'assurance', 'Choose a feature from the list'],
    ['sort', 'size', 'Choose how to sort the list'],
    ['icb', 'QZZ', 'Choose an integrated care board from the list'],
    ['q', 'x'.repeat(101), 'Enter a name or code of 100 characters or fewer'],
    ['page', '0', 'Go to a page from the list of pages'],
    ['page', 'two', 'Go to a page from the list of pages'],
  ])('refuses an unknown %s (%s) with an error pointing at its field', (name, value, text) => {
    const { query, errors } = parseOrganisationQuery({ [name]: value }, regions, ['QXX']);
    expect(errors).toEqual([{ text, href: name === 'page' ? '#results' : `#${name}` }]);
    expect(query).toEqual(anything);
  });

  it('reads an older name of part of a region as the NHS England region', () => {
    const { query, errors } = parseOrganisationQuery({ region: 'Yorkshire and the Humber' }, [
      'North East and Yorkshire',
    ]);
    expect(errors).toEqual([]);
    expect(query.region).toBe('North East and Yorkshire');
  });

  it('refuses a filter given twice', () => {
    const { errors } = parseOrganisationQuery({ kind: ['police_force', 'other'] }, regions);
    expect(errors.map((error) => error.href)).toEqual(['#kind']);
  });
});

describe('selectOrganisations()', () => {
  it.each<[string, Partial<OrganisationQuery>, string]>([
    ['no filter, by name', {}, 'ABCD'],
    ['by kind', { kind: 'mental_health_trust' }, 'AC'],
    ['by status', { status: 'contradicted' }, 'C'],
    ['by region, the unknown outside England', { region: 'No region or outside England' }, 'D'],
    ['by NHS England region, with its older parts', { region: 'North East and Yorkshire' }, 'AC'],
    ['by feature used', { feature: 'police_in_care' }, 'A'],
    ['by two filters at once', { kind: 'mental_health_trust', feature: 'sim_named' }, 'C'],
    ['most serious status first', { sort: 'status' }, 'CADB'],
    ['most evidence first', { sort: 'evidence' }, 'BACD'],
    ['nothing matching', { kind: 'integrated_care_board' }, ''],
    ['by part of a name, in any case', { q: 'TRUST' }, 'AC'],
    ['by a former name', { q: 'kent road' }, 'B'],
    ['by code (D), or letters in a name (Old Kent Road)', { q: 'd' }, 'BD'],
    ['by name and a filter', { q: 'trust', status: 'contradicted' }, 'C'],
    ['by name, most serious status first', { q: 'trust', sort: 'status' }, 'CA'],
    ['by integrated care board', { icb: 'QXX' }, 'A'],
  ])('%s', (_name, query, expected) => {
    expect(codes(selectOrganisations(all, { ...anything, ...query }))).toBe(expected);
  });
});

describe('listRegions()', () => {
  it('lists the 7 NHS England regions in the usual order, with the rest last if any', () => {
    const seven = [
      'North East and Yorkshire',
      'North West',
      'Midlands',
      'East of England',
      'London',
      'South East',
      'South West',
    ];
    expect(listRegions(all)).toEqual([...seven, 'No region or outside England']);
    expect(listRegions(all.filter((each) => each.code !== 'D'))).toEqual(seven);
  });
});

describe('featuresUsed()', () => {
  it('counts features a return named as continuing and features shown by evidence', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ continuingFeatures: ['coercion_sanctions'] })],
      evidence: [evidence('sim_named', '2024-01-01')],
    });
    expect(featuresUsed(facts)).toEqual(['coercion_sanctions', 'sim_named']);
  });

  it('ignores features named in a return that was not sent', () => {
    const facts = organisationFacts({
      returns: [reviewReturn({ responded: false, continuingFeatures: ['police_in_care'] })],
    });
    expect(featuresUsed(facts)).toEqual([]);
  });
});

describe('summariseOrganisation()', () => {
  it('gives the status, its label and the amount of evidence', () => {
    const facts = organisationFacts({
      organisation: { region: null },
      evidence: [evidence('police_in_care', '2024-01-01'), evidence('police_in_care', null)],
    });
    expect(summariseOrganisation(facts)).toMatchObject({
      status: 'continuing',
      statusLabel: 'Appears to be continuing',
      evidence: 2,
      region: 'Unknown region',
      kindName: 'Mental health trust',
      icbCode: null,
    });
  });
});

describe('listIcbs()', () => {
  it('offers the integrated care boards in the list, by name', () => {
    const icbs = [
      summary({ code: 'Q2', name: 'NHS Zeal ICB', kind: 'integrated_care_board' }),
      summary({ code: 'Q1', name: 'NHS Amber ICB', kind: 'integrated_care_board' }),
    ];
    expect(listIcbs([...all, ...icbs])).toEqual([
      { code: 'Q1', name: 'NHS Amber ICB' },
      { code: 'Q2', name: 'NHS Zeal ICB' },
    ]);
  });
});

describe('matchesNameSearch()', () => {
  const trust = { name: "St. Andrew's Healthcare", code: 'RX9', formerNames: ['Åsby NHS Trust'] };

  it.each([
    ['', true],
    ['st andrew', true],
    ['ANDREWS HEALTH', true],
    ['rx9', true],
    ['asby', true],
    ['nhs trust', true],
    ['healthcare trust', false],
    ['rx8', false],
  ])('"%s" matches: %s', (text, expected) => {
    expect(matchesNameSearch(trust, text)).toBe(expected);
  });
});

describe('pageOf()', () => {
  const numbers = Array.from({ length: 60 }, (_, index) => index + 1);

  it('gives the page-th slice, the number of pages and the first number', () => {
    const third = pageOf(numbers, 3, 25);
    expect(third).toMatchObject({ page: 3, pageCount: 3, firstNumber: 51 });
    expect(third.items).toEqual(numbers.slice(50));
  });

  it('gives one empty page for an empty list and no items past the last page', () => {
    expect(pageOf([], 1, 25)).toEqual({ items: [], page: 1, pageCount: 1, firstNumber: 1 });
    expect(pageOf(numbers, 4, 25).items).toEqual([]);
  });
});

describe('organisationListUrl()', () => {
  it('gives the plain list address for the default query', () => {
    expect(organisationListUrl(anything)).toBe('/organisations');
  });

  it('keeps the search, the filters and the order, with another page', () => {
    expect(
      organisationListUrl(
        { ...anything, q: 'St Ann’s & co', region: 'North West', sort: 'status' },
        { page: 2 },
      ),
    ).toBe('/organisations?q=St+Ann%E2%80%99s+%26+co&region=North+West&sort=status&page=2');
  });
});

import { describe, expect, it } from 'vitest';

import type { Organisation } from '../../../register/organisations/organisation.js';
import { filterOrganisations } from './filter-organisations.js';

const organisation = (code: string, name: string, formerNames: string[] = []): Organisation => ({
  id: 1,
  code,
  name,
  kind: 'other',
  region: null,
  formerNames,
  sourceUrl: null,
  icbCode: null,
  opened: null,
  closed: null,
  successorCodes: [],
});

const organisations = [
  organisation('RX4', 'Cumbria, Northumberland, Tyne and Wear NHS Foundation Trust', [
    'Northumberland, Tyne and Wear NHS Foundation Trust',
  ]),
  organisation('DEMO-P01', 'Eastmere Constabulary'),
  organisation('DEMO-T01', 'Eastmere Mental Health NHS Foundation Trust'),
];

describe('filterOrganisations()', () => {
  it.each([
    ['', ['RX4', 'DEMO-P01', 'DEMO-T01']],
    ['   ', ['RX4', 'DEMO-P01', 'DEMO-T01']],
    ['eastmere', ['DEMO-P01', 'DEMO-T01']],
    ['CONSTABULARY', ['DEMO-P01']],
    ['demo-t01', ['DEMO-T01']],
    ['rx4', ['RX4']],
    ['tyne  and', ['RX4']],
    ['Northumberland, Tyne', ['RX4']],
    ['nowhere', []],
  ])('finds %j', (query, codes) => {
    expect(filterOrganisations(organisations, query).map((each) => each.code)).toEqual(codes);
  });
});

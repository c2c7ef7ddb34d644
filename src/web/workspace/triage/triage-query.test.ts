import { describe, expect, it } from 'vitest';

import { parseTriageQuery, triageFilter, triageUrl } from './triage-query.js';

describe('parseTriageQuery()', () => {
  it('shows pending and in-discussion findings, first page, by default', () => {
    const query = parseTriageQuery({});
    expect(query).toEqual({
      status: 'open',
      organisation: undefined,
      label: undefined,
      document: undefined,
      assigned: undefined,
      page: 1,
    });
    expect(triageFilter(query).statuses).toEqual(['pending', 'in_discussion']);
  });

  it('reads every filter and the page', () => {
    expect(
      parseTriageQuery({
        status: 'confirmed',
        organisation: 'DEMO-T01',
        label: 'sim_named',
        document: '7',
        assigned: 'me',
        page: '3',
      }),
    ).toEqual({
      status: 'confirmed',
      organisation: 'DEMO-T01',
      label: 'sim_named',
      document: 7,
      assigned: 'me',
      page: 3,
    });
  });

  it('narrows the queue to the signed-in reviewer’s findings with "assigned to me", and keeps it in the address', () => {
    const query = parseTriageQuery({ assigned: 'me', label: 'sim_named' });
    expect(triageFilter(query, 'rita').assignedTo).toBe('rita');
    expect(
      triageFilter(parseTriageQuery({ assigned: 'someone' }), 'rita').assignedTo,
    ).toBeUndefined();
    expect(triageUrl(query, 2)).toBe('/workspace/findings?label=sim_named&assigned=me&page=2');
  });

  it.each([
    ['an unknown status', { status: 'toString' }, { status: 'open' }],
    ['an unknown label', { label: 'gossip' }, { label: undefined }],
    ['a page that is not a number', { page: '-2' }, { page: 1 }],
    ['a page of zero', { page: '0' }, { page: 1 }],
    ['a repeated value', { document: ['1', '2'] }, { document: undefined }],
    [
      'an organisation code with odd characters',
      { organisation: "x' or 1=1" },
      { organisation: undefined },
    ],
  ])('ignores %s', (_, given, expected) => {
    expect(parseTriageQuery(given)).toMatchObject(expected);
  });
});

describe('triageUrl()', () => {
  it('leaves the defaults out and keeps the filters', () => {
    expect(triageUrl(parseTriageQuery({}))).toBe('/workspace/findings');
    expect(triageUrl(parseTriageQuery({ label: 'sim_named', status: 'all' }), 2)).toBe(
      '/workspace/findings?status=all&label=sim_named&page=2',
    );
  });
});

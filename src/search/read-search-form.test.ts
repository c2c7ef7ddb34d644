import { describe, expect, it } from 'vitest';

import { readSearchForm } from './read-search-form.js';

const isOrganisation = (code: string) => code === 'DEMO-T01';

describe('readSearchForm()', () => {
  it('reads a search with its filters and page', () => {
    const form = readSearchForm(
      {
        q: '  police officer ',
        organisation: 'DEMO-T01',
        label: 'sim_named',
        type: 'policy',
        year: '2021',
        page: '3',
      },
      isOrganisation,
    );
    expect(form.errors).toEqual([]);
    expect(form.query).toEqual({
      text: 'police officer',
      organisation: 'DEMO-T01',
      label: 'sim_named',
      type: 'policy',
      year: 2021,
      page: 3,
    });
  });

  it('has nothing to search for without text, and takes the first of repeated fields', () => {
    expect(readSearchForm({}, isOrganisation).query).toBeUndefined();
    expect(readSearchForm({ q: '   ', type: 'policy' }, isOrganisation).query).toBeUndefined();
    expect(readSearchForm({ q: ['first', 'second'] }, isOrganisation).query?.text).toBe('first');
  });

  it.each([
    [{ q: 'x'.repeat(201) }, ['#q']],
    [{ q: 'x'.repeat(200) }, []],
    [{ q: 'police', year: '20x3' }, ['#year']],
    [{ q: 'police', year: '1066' }, ['#year']],
    [{ q: 'police', year: '02021' }, ['#year']],
    [{ q: 'police', organisation: 'NOPE' }, ['#organisation']],
    [{ q: 'police', label: 'police' }, ['#label']],
    [{ q: 'police', type: 'memo' }, ['#type']],
  ])('finds in %j errors on %j', (parameters, hrefs) => {
    const form = readSearchForm(parameters, isOrganisation);
    expect(form.errors.map((error) => error.href)).toEqual(hrefs);
    if (hrefs.length > 0) expect(form.query).toBeUndefined();
  });

  it.each([
    ['0', 1],
    ['-2', 1],
    ['two', 1],
    ['99999', 1],
    ['7', 7],
  ])('reads page %j as %i', (page, expected) => {
    expect(readSearchForm({ q: 'police', page }, isOrganisation).query?.page).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';

import { findingTitle } from './finding-title.js';

describe('findingTitle()', () => {
  it.each([
    [{ label: 'police_in_care', page: 16 }, 'Police in care planning, page 16'],
    [{ label: 'sim_named', page: 1 }, 'SIM by name, page 1'],
    [{ label: 'coercion_sanctions', page: null }, 'Coercion and sanctions'],
    [{ label: 'something_else', page: 3 }, 'something_else, page 3'],
  ])('titles %j as "%s"', (finding, title) => {
    expect(findingTitle(finding)).toBe(title);
  });
});

import { describe, expect, it } from 'vitest';

import { maxRowId, positiveInteger } from './positive-integer.js';

describe('positiveInteger()', () => {
  it.each([
    ['1', undefined, 1],
    ['42', undefined, 42],
    [String(maxRowId), undefined, maxRowId],
    [String(maxRowId + 1), undefined, undefined],
    ['99999999999', undefined, undefined],
    ['0', undefined, undefined],
    ['007', undefined, undefined],
    ['-3', undefined, undefined],
    ['1.5', undefined, undefined],
    ['1e3', undefined, undefined],
    [' 2', undefined, undefined],
    ['', undefined, undefined],
    [undefined, undefined, undefined],
    [['2'], undefined, undefined],
    ['10', 9, undefined],
    ['9', 9, 9],
  ])('reads %j (at most %j) as %j', (value, max, expected) => {
    expect(positiveInteger(value, max)).toBe(expected);
  });
});

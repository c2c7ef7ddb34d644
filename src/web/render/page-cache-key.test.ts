import { describe, expect, it } from 'vitest';

import { pageCacheKey } from './page-cache-key.js';

describe('pageCacheKey()', () => {
  it('keeps only the parameters the route reads, in the order it names them', () => {
    expect(
      pageCacheKey('/search?x=1&year=2024&q=seclusion', { x: '1', year: '2024', q: 'seclusion' }, [
        'q',
        'year',
      ]),
    ).toBe('/search?q=seclusion&year=2024');
  });

  it('gives a page that reads no parameters the same key whatever is added to its address', () => {
    expect(pageCacheKey('/method?x=1', { x: '1' }, [])).toBe('/method');
    expect(pageCacheKey('/method?x=2&y=3', { x: '2', y: '3' }, [])).toBe('/method');
  });

  it('leaves out empty parameters and keeps repeated ones apart from single ones', () => {
    expect(pageCacheKey('/search?q=&year=', { q: '', year: '' }, ['q', 'year'])).toBe('/search');
    expect(pageCacheKey('/search', { q: ['a', 'b'] }, ['q'])).toBe('/search?q=a&q=b');
    expect(pageCacheKey('/search', { q: 'a b&c' }, ['q'])).toBe('/search?q=a+b%26c');
  });
});

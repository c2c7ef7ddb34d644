import { describe, expect, it } from 'vitest';

import { createPageCache } from './page-cache.js';

const page = (body: string) => ({ body, headers: { 'content-type': 'text/html' } });

describe('createPageCache()', () => {
  it('returns a page kept at the same version', () => {
    const cache = createPageCache({ maxPages: 10, maxPageBytes: 100 });
    cache.keep(3, '/a', page('A'));
    expect(cache.find(3, '/a')?.body).toBe('A');
    expect(cache.find(3, '/b')).toBeUndefined();
  });

  it('forgets every page when the register changes', () => {
    const cache = createPageCache({ maxPages: 10, maxPageBytes: 100 });
    cache.keep(3, '/a', page('A'));
    expect(cache.find(4, '/a')).toBeUndefined();
    expect(cache.find(3, '/a')).toBeUndefined();
  });

  it('drops the least recently used page when full', () => {
    const cache = createPageCache({ maxPages: 2, maxPageBytes: 100 });
    cache.keep(1, '/a', page('A'));
    cache.keep(1, '/b', page('B'));
    cache.find(1, '/a');
    cache.keep(1, '/c', page('C'));
    expect(cache.find(1, '/b')).toBeUndefined();
    expect(cache.find(1, '/a')?.body).toBe('A');
    expect(cache.find(1, '/c')?.body).toBe('C');
  });

  it('does not keep pages over the size limit', () => {
    const cache = createPageCache({ maxPages: 2, maxPageBytes: 3 });
    cache.keep(1, '/big', page('ABCD'));
    expect(cache.find(1, '/big')).toBeUndefined();
  });

  it('drops the least recently used pages to stay within the total size', () => {
    const cache = createPageCache({ maxPages: 10, maxPageBytes: 4, maxTotalBytes: 6 });
    cache.keep(1, '/a', page('AAA'));
    cache.keep(1, '/b', page('BBB'));
    cache.keep(1, '/a', page('AAA'));
    cache.keep(1, '/c', page('CC'));
    expect(cache.find(1, '/b')).toBeUndefined();
    expect(cache.find(1, '/a')?.body).toBe('AAA');
    expect(cache.find(1, '/c')?.body).toBe('CC');
  });
});

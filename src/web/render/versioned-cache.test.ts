import { describe, expect, it } from 'vitest';

import { createVersionedCache } from './versioned-cache.js';

describe('createVersionedCache()', () => {
  it('builds a value once per key and version, then again after the register changes', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10 });
    let builds = 0;
    const build = () => Promise.resolve(`built ${++builds}`);
    expect(await cache.get('a', 1, build)).toBe('built 1');
    expect(await cache.get('a', 1, build)).toBe('built 1');
    expect(await cache.get('b', 1, build)).toBe('built 2');
    expect(await cache.get('a', 2, build)).toBe('built 3');
    expect(builds).toBe(3);
  });

  it('shares one build between requests that ask at the same time', async () => {
    const cache = createVersionedCache<number>({ maxEntries: 10 });
    let builds = 0;
    const build = async () => {
      builds += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      return builds;
    };
    const values = await Promise.all([cache.get('a', 1, build), cache.get('a', 1, build)]);
    expect(values).toEqual([1, 1]);
    expect(builds).toBe(1);
  });

  it('does not cache a value built for an older version than the latest seen', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10 });
    await cache.get('a', 5, () => Promise.resolve('new'));
    expect(await cache.get('a', 4, () => Promise.resolve('old'))).toBe('old');
    expect(await cache.get('a', 5, () => Promise.resolve('other'))).toBe('new');
  });

  it('forgets a failed build so that the next request tries again', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 10 });
    await expect(cache.get('a', 1, () => Promise.reject(new Error('down')))).rejects.toThrow(
      'down',
    );
    expect(await cache.get('a', 1, () => Promise.resolve('up'))).toBe('up');
  });

  it('keeps at most the given number of values', async () => {
    const cache = createVersionedCache<string>({ maxEntries: 2 });
    let builds = 0;
    const build = () => Promise.resolve(`built ${++builds}`);
    await cache.get('a', 1, build);
    await cache.get('b', 1, build);
    await cache.get('c', 1, build);
    expect(await cache.get('a', 1, build)).toBe('built 4');
  });
});

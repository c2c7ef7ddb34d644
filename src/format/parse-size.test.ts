import { describe, expect, it } from 'vitest';

import { parseSize } from './parse-size.js';

describe('parseSize()', () => {
  it.each([
    ['1048576', 1_048_576],
    ['100MB', 100 * 1024 ** 2],
    ['1.5 GB', 1.5 * 1024 ** 3],
    ['512k', 512 * 1024],
    ['2 MiB', 2 * 1024 ** 2],
    ['300b', 300],
  ])('reads %j as %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'abc', '10 TB', '-5MB', '0', '0.1b', '1e3', 'MB'])('refuses %j', (text) => {
    expect(parseSize(text)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';

import { httpUrlOrNull } from './http-url.js';

describe('httpUrlOrNull()', () => {
  it.each([
    ['https://example.org/board/paper.pdf', 'https://example.org/board/paper.pdf'],
    ['  http://example.org ', 'http://example.org/'],
    ['HTTPS://EXAMPLE.ORG/a', 'https://example.org/a'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['//example.org/a', null],
    ['FOI-DEMO-2024-0412 (Kestrelford)', null],
    ['https://', null],
    ['', null],
    [null, null],
  ])('%j gives %j', (value, expected) => {
    expect(httpUrlOrNull(value)).toBe(expected);
  });
});

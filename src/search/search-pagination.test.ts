import { describe, expect, it } from 'vitest';

import { paginate, type Pagination } from './search-pagination.js';

const hrefOf = (page: number) => `?page=${page}`;

function summary(pagination: Pagination | undefined): string {
  if (!pagination) return 'none';
  const items = pagination.items
    .map((item) => ('ellipsis' in item ? '…' : item.current ? `[${item.number}]` : item.number))
    .join(' ');
  return `${pagination.previous ? '< ' : ''}${items}${pagination.next ? ' >' : ''}`;
}

describe('paginate()', () => {
  it.each([
    [1, 1, 'none'],
    [1, 2, '[1] 2 >'],
    [2, 2, '< 1 [2]'],
    [1, 10, '[1] 2 … 10 >'],
    [4, 10, '< 1 2 3 [4] 5 … 10 >'],
    [5, 10, '< 1 … 4 [5] 6 … 10 >'],
    [10, 10, '< 1 … 9 [10]'],
    [12, 10, '< 1 … 10'],
  ])('on page %i of %i shows %s', (page, pageCount, expected) => {
    expect(summary(paginate(page, pageCount, hrefOf))).toBe(expected);
  });

  it('links each number to its page', () => {
    expect(paginate(2, 3, hrefOf)).toEqual({
      previous: { href: '?page=1' },
      next: { href: '?page=3' },
      items: [
        { number: '1', href: '?page=1', current: false },
        { number: '2', href: '?page=2', current: true },
        { number: '3', href: '?page=3', current: false },
      ],
    });
  });
});

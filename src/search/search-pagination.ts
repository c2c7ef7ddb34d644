/** One link of numbered pagination, as nhsuk-frontend's pagination macro takes it. */
export type PaginationItem =
  { number: string; href: string; current: boolean } | { ellipsis: true };

/** The options for nhsuk-frontend's pagination macro, or undefined when one page holds all. */
export interface Pagination {
  previous?: { href: string };
  next?: { href: string };
  items: PaginationItem[];
}

/**
 * Numbered pagination: the first and last pages, the current page and its neighbours, with an
 * ellipsis for each gap, and previous and next links where there are such pages.
 */
export function paginate(
  page: number,
  pageCount: number,
  hrefOf: (page: number) => string,
): Pagination | undefined {
  if (pageCount <= 1) return undefined;
  const shown = [1, page - 1, page, page + 1, pageCount]
    .filter((each) => each >= 1 && each <= pageCount)
    .filter((each, index, all) => all.indexOf(each) === index)
    .sort((a, b) => a - b);
  const items: PaginationItem[] = [];
  let last = 0;
  for (const each of shown) {
    // A gap of one page shows that page: an ellipsis would hide no more than a number.
    if (each - last === 2) items.push(link(last + 1));
    else if (each - last > 2) items.push({ ellipsis: true });
    items.push(link(each));
    last = each;
  }
  return {
    ...(page > 1 ? { previous: { href: hrefOf(Math.min(page - 1, pageCount)) } } : {}),
    ...(page < pageCount ? { next: { href: hrefOf(page + 1) } } : {}),
    items,
  };

  function link(number: number): PaginationItem {
    return { number: String(number), href: hrefOf(number), current: number === page };
  }
}

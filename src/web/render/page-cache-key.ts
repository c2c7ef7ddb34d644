/**
 * A cacheable page's key: its path and, in the order the route names them, the values of the
 * query parameters the route reads. Any other parameter is left out, since it cannot change the
 * page, so a visitor cannot fill the cache by adding `?x=1`, `?x=2`... to an address. Empty
 * values are left out too (a form sends every field, filled or not).
 */
export function pageCacheKey(
  url: string,
  query: Readonly<Record<string, unknown>>,
  known: readonly string[],
): string {
  const path = url.split('?', 1)[0] ?? url;
  const parameters = new URLSearchParams();
  for (const name of known) {
    const value = query[name];
    if (value === undefined || value === '') continue;
    for (const each of Array.isArray(value) ? value : [value])
      parameters.append(name, typeof each === 'string' ? each : JSON.stringify(each));
  }
  const search = parameters.toString();
  return search === '' ? path : `${path}?${search}`;
}

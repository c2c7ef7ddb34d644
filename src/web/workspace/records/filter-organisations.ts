import type { Organisation } from '../../../register/organisations/organisation.js';

/**
 * The organisations whose name, code or a former name contains `query` (ignoring case and extra
 * spaces); all of them for an empty query.
 */
export function filterOrganisations(
  organisations: readonly Organisation[],
  query: string,
): Organisation[] {
  const wanted = normalise(query);
  if (wanted === '') return [...organisations];
  return organisations.filter((organisation) =>
    [organisation.name, organisation.code, ...organisation.formerNames].some((text) =>
      normalise(text).includes(wanted),
    ),
  );
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

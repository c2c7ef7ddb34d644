import type { Page } from 'playwright-core';

import type { OrganisationInput } from '../../register/organisations/organisation.js';
import type { OrganisationKind } from '../../register/status/register-facts.js';

/**
 * Chooses an organisation in the enhanced picker labelled `label`, as a keyboard user does: types
 * `search` (part of a name or a code), moves to the first match with the down arrow and presses
 * Enter.
 */
export async function chooseOrganisation(page: Page, label: string, search: string): Promise<void> {
  const combobox = page.getByRole('combobox', { name: label });
  await combobox.fill(search);
  await combobox.press('ArrowDown');
  await combobox.press('Enter');
}

const places = [
  'Alderbrook',
  'Bramwick',
  'Carrowfield',
  'Dunmere',
  'Elmshaw',
  'Fenleigh',
  'Gorsedale',
  'Hollinsby',
  'Ivybridge Vale',
  'Juniper Cross',
  'Kestrelmoor',
  'Larkhollow',
  'Marshwood',
];

/**
 * As many fictional organisations as a real register holds (59 trusts, 45 police forces, 48
 * integrated care boards, 15 networks, 11 others), to measure forms at that size. Codes `FIC-…`.
 */
export function fictionalOrganisations(): OrganisationInput[] {
  const counts: [OrganisationKind, number, string][] = [
    ['mental_health_trust', 59, 'Mental Health Partnership Trust'],
    ['police_force', 45, 'Constabulary'],
    ['integrated_care_board', 48, 'Integrated Care Board'],
    ['health_innovation_network', 15, 'Health Innovation Network'],
    ['other', 11, 'Ambulance Service Trust'],
  ];
  return counts.flatMap(([kind, count, suffix]) =>
    Array.from({ length: count }, (_, index) => ({
      code: `FIC-${kind.slice(0, 3).toUpperCase()}${String(index + 1).padStart(2, '0')}`,
      name: `${places[index % places.length] ?? 'Fictional'} ${Math.floor(index / places.length) + 1} ${suffix}`,
      kind,
      region: null,
      formerNames: [],
      sourceUrl: null,
    })),
  );
}

import type { OrganisationInput } from '../../register/organisations/organisation.js';
import { organisationKinds } from '../../register/organisations/organisation.js';

/** The seven NHS England regions, as the reference lists name them. */
const regions = [
  'North East and Yorkshire',
  'North West',
  'Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];

const places = ['Ashmoor', 'Brindle', 'Cotterby', 'Dunhallow', 'Elsfield', 'Fernwick', 'Galloway'];

/**
 * `count` fictional organisations (codes `TEST-001`...), spread over the kinds and the seven
 * regions, for tests of long lists: the trusts among the first 30 sit in the area of the
 * integrated care board TEST-004, the others in that of TEST-010. None is a real organisation.
 */
export function fictionalOrganisations(count: number): OrganisationInput[] {
  return Array.from({ length: count }, (_, index) => {
    const number = String(index + 1).padStart(3, '0');
    const kind = organisationKinds[index % organisationKinds.length] ?? 'other';
    return {
      code: `TEST-${number}`,
      name: `${places[index % places.length] ?? 'Testford'} Fictional Organisation ${number}`,
      kind,
      region: regions[index % regions.length] ?? null,
      formerNames: index % 10 === 0 ? [`Old Testford Body ${number}`] : [],
      sourceUrl: null,
      icbCode: kind.endsWith('_trust') ? (index < 30 ? 'TEST-004' : 'TEST-010') : null,
    };
  });
}

import type { OrganisationInput } from '../register/organisations/organisation.js';

const regions = [
  'North East and Yorkshire',
  'North West',
  'Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
];
const places = ['Ashford', 'Brampton', 'Calder', 'Dunmore', 'Eastleigh', 'Fenwick', 'Glenholm'];

/**
 * Fictional organisations for the register benchmark: `BENCH-001`… with the first two thirds
 * mental health trusts and the rest police forces, spread over the NHS England regions.
 */
export function createBenchOrganisations(count = 60): OrganisationInput[] {
  const trusts = Math.round((count * 2) / 3);
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    const place = `${places[index % places.length] ?? 'Bench'} ${number}`;
    const trust = index < trusts;
    return {
      code: `BENCH-${String(number).padStart(3, '0')}`,
      name: trust ? `${place} Mental Health Trust (fictional)` : `${place} Police (fictional)`,
      kind: trust ? 'mental_health_trust' : 'police_force',
      region: regions[index % regions.length] ?? null,
      formerNames: [],
      sourceUrl: null,
    };
  });
}

import { findBrokenPromises, type BrokenPromise } from './broken-promises.js';
import { groupContradictions, type ContradictionGroup } from './contradiction-groups.js';
import { findContradictions } from './contradictions.js';
import type { AssuranceFact, OrganisationFacts } from './register-facts.js';

/** An organisation named on the home page, with the records that put it there. */
interface NamedOrganisation {
  code: string;
  name: string;
}

/** An organisation whose confirmed evidence contradicts its assurances. */
export interface ContradictedOrganisation extends NamedOrganisation {
  /** One per assurance and document, oldest evidence first. */
  contradictions: (ContradictionGroup & { assurance: AssuranceFact })[];
}

/** An organisation that promised to end use by a day that has passed, and did not keep it. */
export interface PromiseBreakingOrganisation extends NamedOrganisation {
  /** Its broken promises, the earliest promised end first. */
  promises: BrokenPromise[];
}

/** Accountability at a glance: who is contradicted by evidence, and who broke a promise to end. */
export interface AtAGlance {
  contradicted: ContradictedOrganisation[];
  brokenPromises: PromiseBreakingOrganisation[];
}

/**
 * Names (a) the organisations whose confirmed evidence contradicts an assurance they gave and (b)
 * those with a promise to end use whose day has passed before `today` (ISO day, passed in) with
 * later evidence of the practice or no statement that it ended. Each list is by name.
 */
export function listAtAGlance(all: readonly OrganisationFacts[], today: string): AtAGlance {
  const byName = (a: NamedOrganisation, b: NamedOrganisation) =>
    a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code, 'en-GB');
  const contradicted = all.flatMap((facts): ContradictedOrganisation[] => {
    const contradictions = groupContradictions(facts, findContradictions(facts)).flatMap(
      (group) => {
        const assurance = facts.assurances.find((each) => each.id === group.assuranceId);
        return assurance ? [{ ...group, assurance }] : [];
      },
    );
    if (contradictions.length === 0) return [];
    contradictions.sort((a, b) =>
      a.evidenceDate < b.evidenceDate ? -1 : a.evidenceDate > b.evidenceDate ? 1 : 0,
    );
    return [{ code: facts.organisation.code, name: facts.organisation.name, contradictions }];
  });
  const brokenPromises = all.flatMap((facts): PromiseBreakingOrganisation[] => {
    const promises = findBrokenPromises(facts, today).sort((a, b) =>
      a.promisedEnd < b.promisedEnd ? -1 : a.promisedEnd > b.promisedEnd ? 1 : 0,
    );
    return promises.length === 0
      ? []
      : [{ code: facts.organisation.code, name: facts.organisation.name, promises }];
  });
  return { contradicted: contradicted.sort(byName), brokenPromises: brokenPromises.sort(byName) };
}

import { featureNames } from './feature-names.js';
import type { AssuranceFact } from './register-facts.js';

/** Describes an assurance as a noun phrase, e.g. `the assurance of 2022-01-10 that the scheme had ended`. */
export function describeAssuranceClaim(assurance: AssuranceFact): string {
  const on = (date: string | null): string => (date === null ? '' : ` on ${date}`);
  const claim = {
    never_used: 'the scheme had never been used',
    ended: `the scheme had ended${on(assurance.scopeDate)}`,
    will_end: `the scheme would end${on(assurance.scopeDate)}`,
    feature_not_used: `${assurance.feature === null ? 'a feature of concern' : featureNames[assurance.feature]} was not used`,
  }[assurance.scope];
  return `the assurance of ${assurance.givenOn} that ${claim}`;
}

import { describeAssuranceClaim } from './assurance-claim.js';
import { isoDay } from './iso-day.js';
import type { AssuranceFact } from './register-facts.js';
import { findLaterEnd } from './stated-ends.js';
import { verdict, type JudgeContext, type Verdict } from './verdict.js';

/** Says what one assurance shows: not used, ended, or a promise to end that is still open. */
export function judgeAssurance(assurance: AssuranceFact, context: JudgeContext): Verdict[] {
  const source = { kind: 'assurance', id: assurance.id } as const;
  const given = `${context.name} gave ${describeAssuranceClaim(assurance)}`;
  switch (assurance.scope) {
    case 'never_used':
    case 'feature_not_used':
      return [verdict('not_used', { text: `${given}.`, source })];
    case 'ended':
      // Saying it ended also says it was used.
      return [verdict('ended', { text: `${given}.`, source })];
    case 'will_end': {
      // A promise to end says the scheme was in use when it was given, and is not itself an
      // assurance that it has ended: only a later return or assurance saying so closes it.
      const saidOn = isoDay(assurance.givenOn);
      const later = findLaterEnd(context.ends, { saidOn, feature: null, returnId: null });
      return later === undefined
        ? [
            verdict('continuing', {
              text: `${given}, and has not said since that it has ended.`,
              source,
            }),
          ]
        : [
            verdict('ended', { text: `${given}, and ${later.statement} came later.`, source }),
            verdict('ended', later.reason),
          ];
    }
  }
}

import { describeAssuranceClaim } from './assurance-claim.js';
import { isoDay } from './iso-day.js';
import type { StatusReason } from './organisation-status.js';
import type { Feature, OrganisationFacts } from './register-facts.js';

/** A day on which the organisation said use ended, of the whole scheme or of one feature. */
export interface StatedEnd {
  endedOn: string;
  /** The day it was said; when unknown, the end day, since it cannot have been said before it. */
  saidOn: string;
  /** The one feature it is about, or null for the whole scheme. */
  feature: Feature | null;
  /** The return it came from, so a return's own end does not overrule its own continuing features. */
  returnId: number | null;
  /** A noun phrase naming the statement, for sentences about it. */
  statement: string;
  reason: StatusReason;
}

/** Lists every end of use the organisation stated: "ended" assurances, return end dates, "feature not used". */
export function listStatedEnds(facts: OrganisationFacts): StatedEnd[] {
  const name = facts.organisation.name;
  const fromReturns = facts.returns.flatMap((ret): StatedEnd[] => {
    const endedOn = isoDay(ret.usedUntil);
    if (!ret.responded || ret.usedModel !== true || endedOn === null) return [];
    const statement = `the return to "${ret.reviewName}" saying use ended on ${endedOn}`;
    const from = ret.usedFrom === null ? '' : ` from ${ret.usedFrom}`;
    const text = `In its return to "${ret.reviewName}", ${name} said it used SIM or a SIM-type model${from} until ${endedOn}.`;
    const saidOn = isoDay(ret.respondedOn) ?? isoDay(ret.reviewClosesOn) ?? endedOn;
    const source = { kind: 'return', id: ret.id } as const;
    return [
      { endedOn, saidOn, feature: null, returnId: ret.id, statement, reason: { text, source } },
    ];
  });
  const fromAssurances = facts.assurances.flatMap((assurance): StatedEnd[] => {
    const givenOn = isoDay(assurance.givenOn);
    const isEnded = assurance.scope === 'ended';
    const feature = assurance.scope === 'feature_not_used' ? assurance.feature : null;
    // A "feature not used" assurance ends, for that feature, any use shown before it was given.
    const endedOn = isEnded
      ? (isoDay(assurance.scopeDate) ?? givenOn)
      : feature === null
        ? null
        : givenOn;
    if (endedOn === null) return [];
    const statement = describeAssuranceClaim(assurance);
    const text = `${name} gave ${statement}.`;
    const source = { kind: 'assurance', id: assurance.id } as const;
    return [
      {
        endedOn,
        saidOn: givenOn ?? endedOn,
        feature,
        returnId: null,
        statement,
        reason: { text, source },
      },
    ];
  });
  return [...fromReturns, ...fromAssurances];
}

/** Finds the latest stated end covering a feature, if any. */
export function findLatestEnd(ends: readonly StatedEnd[], feature: Feature): StatedEnd | undefined {
  return ends
    .filter((end) => end.feature === null || end.feature === feature)
    .reduce<StatedEnd | undefined>(
      (latest, end) => (latest === undefined || end.endedOn > latest.endedOn ? end : latest),
      undefined,
    );
}

/** What an organisation said was still in use: features in a return, or a promise to end. */
export interface OpenStatement {
  /** The day it was said, null when unknown. */
  saidOn: string | null;
  /** The feature said to continue, or null for the whole scheme. */
  feature: Feature | null;
  returnId: number | null;
}

/**
 * Finds a stated end that overrules an open statement: one said on or after it (an end said the
 * same day is given the benefit of the doubt), covering what it is about, and not from the same
 * return. An open statement of unknown date is overruled by any such end.
 */
export function findLaterEnd(
  ends: readonly StatedEnd[],
  open: OpenStatement,
): StatedEnd | undefined {
  return ends.find(
    (end) =>
      (end.feature === null || end.feature === open.feature) &&
      (open.returnId === null || end.returnId !== open.returnId) &&
      (open.saidOn === null || end.saidOn >= open.saidOn),
  );
}

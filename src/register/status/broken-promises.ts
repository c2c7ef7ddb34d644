import { isAfter, isoDay } from './iso-day.js';
import type { ReasonSource } from './organisation-status.js';
import { features, type Feature, type OrganisationFacts } from './register-facts.js';
import { findLaterEnd, listStatedEnds } from './stated-ends.js';

/** A promised end of use whose day has passed, with what shows it was not kept. */
export interface BrokenPromise {
  /** The assurance or return that made the promise. */
  source: ReasonSource;
  /** The day the promise was made (ISO), null when unknown. */
  promisedOn: string | null;
  /** The day use was to end by (ISO). */
  promisedEnd: string;
  /** Whole months from the promised end to `today`. */
  monthsPassed: number;
  /** Confirmed evidence dated after the promised end: its features and latest date, or null. */
  laterEvidence: { features: Feature[]; latestDate: string; findingCount: number } | null;
  /** True when no later return or assurance says use ended. */
  noStatementOfEnd: boolean;
}

/**
 * Lists the promises to end use whose day is before `today` (an ISO day, passed in: no clock) and
 * that were not kept: confirmed evidence of the practice is dated after the promised day, or no
 * return or assurance made on or after the promise says use ended. A promise is an assurance that
 * use "will end" on a day, or a return that gives an end of use later than the day it was sent.
 * A promise whose day is today has not yet passed.
 */
export function findBrokenPromises(facts: OrganisationFacts, today: string): BrokenPromise[] {
  const ends = listStatedEnds(facts);
  const fromAssurances = facts.assurances.flatMap((assurance) => {
    const promisedEnd = isoDay(assurance.scopeDate);
    if (assurance.scope !== 'will_end' || promisedEnd === null) return [];
    return [
      {
        source: { kind: 'assurance', id: assurance.id } as const,
        promisedOn: isoDay(assurance.givenOn),
        promisedEnd,
        returnId: null,
      },
    ];
  });
  const fromReturns = facts.returns.flatMap((ret) => {
    const promisedEnd = isoDay(ret.usedUntil);
    const sentOn = isoDay(ret.respondedOn) ?? isoDay(ret.reviewClosesOn);
    if (!ret.responded || ret.usedModel !== true || promisedEnd === null || sentOn === null)
      return [];
    if (!isAfter(promisedEnd, sentOn)) return [];
    return [
      {
        source: { kind: 'return', id: ret.id } as const,
        promisedOn: sentOn,
        promisedEnd,
        returnId: ret.id,
      },
    ];
  });
  return [...fromAssurances, ...fromReturns].flatMap(
    ({ source, promisedOn, promisedEnd, returnId }): BrokenPromise[] => {
      if (!isAfter(today, promisedEnd)) return [];
      const later = facts.evidence.filter((each) => {
        const date = isoDay(each.documentDate);
        return date !== null && isAfter(date, promisedEnd);
      });
      // An end stated in a return or assurance made on or after the promise keeps it, unless
      // that statement too gives a day still to come.
      const statedEnd = findLaterEnd(
        ends.filter((end) => !isAfter(end.endedOn, end.saidOn)),
        { saidOn: promisedOn, feature: null, returnId },
      );
      const noStatementOfEnd = statedEnd === undefined;
      if (later.length === 0 && !noStatementOfEnd) return [];
      return [
        {
          source,
          promisedOn,
          promisedEnd,
          monthsPassed: wholeMonthsBetween(promisedEnd, today),
          laterEvidence:
            later.length === 0
              ? null
              : {
                  features: features.filter((feature) =>
                    later.some((each) => each.feature === feature),
                  ),
                  latestDate: later
                    .map((each) => isoDay(each.documentDate) ?? '')
                    .reduce((a, b) => (a > b ? a : b)),
                  findingCount: later.length,
                },
          noStatementOfEnd,
        },
      ];
    },
  );
}

/** Whole months from ISO day `from` to ISO day `to` (0 when `to` is less than a month later). */
export function wholeMonthsBetween(from: string, to: string): number {
  const [fromYear, fromMonth, fromDay] = from.split('-').map(Number);
  const [toYear, toMonth, toDay] = to.split('-').map(Number);
  if ([fromYear, fromMonth, fromDay, toYear, toMonth, toDay].some((n) => n === undefined)) return 0;
  const months =
    ((toYear ?? 0) - (fromYear ?? 0)) * 12 +
    ((toMonth ?? 0) - (fromMonth ?? 0)) -
    ((toDay ?? 0) < (fromDay ?? 0) ? 1 : 0);
  return Math.max(0, months);
}

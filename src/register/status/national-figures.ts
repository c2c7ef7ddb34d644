import { deriveStatus } from './derive-status.js';
import type { StatusCode } from './organisation-status.js';
import { features, type Feature, type OrganisationFacts } from './register-facts.js';

/** The region name used for organisations with no region recorded. */
export const unknownRegion = 'Unknown region';

/** Counts of organisations in one region. */
export interface RegionFigures {
  region: string;
  organisations: number;
  responded: number;
  usedModel: number;
  continuing: number;
}

/** National counts of organisations, computed from the records and never typed in. */
export interface NationalFigures {
  organisations: number;
  /** Organisations with a return row (answered or not) for the review. */
  asked: number;
  responded: number;
  /** Organisations whose own return says they used it, or with confirmed evidence. */
  usedModel: number;
  /** Organisations whose status is continuing or contradicted. */
  continuing: number;
  contradicted: number;
  perFeature: Record<Feature, { used: number; continuing: number }>;
  /** Sorted by region name, with organisations of unknown region last. */
  perRegion: RegionFigures[];
  byStatus: Record<StatusCode, number>;
}

/**
 * Counts organisations from their returns, confirmed evidence and derived statuses. With a
 * `reviewId`, "asked" and "responded" count only that review's returns; use and continuation are
 * about the organisation now, so they count every return and all evidence.
 */
export function computeNationalFigures(
  all: readonly OrganisationFacts[],
  reviewId?: number,
): NationalFigures {
  const rows = all.map((facts) => tallyOrganisation(facts, reviewId));
  const count = (test: (row: Tally) => boolean): number => rows.filter(test).length;
  const perFeature = (feature: Feature): { used: number; continuing: number } => ({
    used: count((row) => row.featuresUsed.includes(feature)),
    continuing: count((row) => row.featuresContinuing.includes(feature)),
  });
  return {
    organisations: rows.length,
    asked: count((row) => row.asked),
    responded: count((row) => row.responded),
    usedModel: count((row) => row.used),
    continuing: count((row) => row.continuing),
    contradicted: count((row) => row.status === 'contradicted'),
    perFeature: {
      police_in_care: perFeature('police_in_care'),
      coercion_sanctions: perFeature('coercion_sanctions'),
      discrimination_hiu: perFeature('discrimination_hiu'),
      sim_named: perFeature('sim_named'),
    },
    perRegion: tallyRegions(rows),
    byStatus: tallyStatuses(rows),
  };
}

/** What one organisation adds to the national figures. */
interface Tally {
  region: string;
  asked: boolean;
  responded: boolean;
  used: boolean;
  continuing: boolean;
  status: StatusCode;
  featuresUsed: Feature[];
  featuresContinuing: Feature[];
}

function tallyOrganisation(facts: OrganisationFacts, reviewId: number | undefined): Tally {
  const status = deriveStatus(facts);
  const asked = facts.returns.filter((ret) => reviewId === undefined || ret.reviewId === reviewId);
  const answered = facts.returns.filter((ret) => ret.responded);
  const featuresUsed = features.filter(
    (feature) =>
      answered.some((ret) => ret.continuingFeatures.includes(feature)) ||
      facts.evidence.some((evidence) => evidence.feature === feature),
  );
  return {
    region: facts.organisation.region ?? unknownRegion,
    asked: asked.length > 0,
    responded: asked.some((ret) => ret.responded),
    used: answered.some((ret) => ret.usedModel === true) || featuresUsed.length > 0,
    continuing: status.status === 'continuing' || status.status === 'contradicted',
    status: status.status,
    featuresUsed,
    featuresContinuing: features.filter((feature) => status.features[feature] === 'continuing'),
  };
}

function tallyRegions(rows: readonly Tally[]): RegionFigures[] {
  const regions = [...new Set(rows.map((row) => row.region))].sort((a, b) =>
    a === unknownRegion ? 1 : b === unknownRegion ? -1 : a.localeCompare(b, 'en-GB'),
  );
  return regions.map((region) => {
    const inRegion = rows.filter((row) => row.region === region);
    return {
      region,
      organisations: inRegion.length,
      responded: inRegion.filter((row) => row.responded).length,
      usedModel: inRegion.filter((row) => row.used).length,
      continuing: inRegion.filter((row) => row.continuing).length,
    };
  });
}

function tallyStatuses(rows: readonly Tally[]): Record<StatusCode, number> {
  const byStatus: Record<StatusCode, number> = {
    contradicted: 0,
    continuing: 0,
    used_ended: 0,
    assured_not_used: 0,
    no_response: 0,
    not_yet_reviewed: 0,
  };
  for (const row of rows) byStatus[row.status] += 1;
  return byStatus;
}

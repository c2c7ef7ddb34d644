import { organisationKindNames } from '../../register/organisations/organisation.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import { unknownRegion } from '../../register/status/national-figures.js';
import type { StatusCode } from '../../register/status/organisation-status.js';
import {
  features,
  type Feature,
  type OrganisationFacts,
  type OrganisationKind,
} from '../../register/status/register-facts.js';

/** One organisation as the list of organisations shows it. */
export interface OrganisationSummary {
  code: string;
  name: string;
  /** Names it had before, which the name search also finds. */
  formerNames: string[];
  /** The code of the integrated care board it sits in, if recorded. */
  icbCode: string | null;
  /** When it closed (ISO `YYYY-MM-DD`); null while it is open. */
  closed: string | null;
  kind: OrganisationKind;
  kindName: string;
  /** The region, or "Unknown region" when none is recorded. */
  region: string;
  status: StatusCode;
  statusLabel: string;
  /** How many confirmed findings are evidence about it. */
  evidence: number;
  /** Features it used, by its own return or by confirmed evidence (as the national figures count). */
  featuresUsed: Feature[];
}

/**
 * Sums up an organisation's facts for the list: its status, evidence and the features it used,
 * with the details the list searches and filters by.
 */
export function summariseOrganisation(
  facts: OrganisationFacts,
  details: { formerNames: readonly string[]; icbCode: string | null; closed?: string | null } = {
    formerNames: [],
    icbCode: null,
  },
): OrganisationSummary {
  const { organisation } = facts;
  const status = deriveStatus(facts);
  return {
    code: organisation.code,
    name: organisation.name,
    formerNames: [...details.formerNames],
    icbCode: details.icbCode,
    closed: details.closed ?? null,
    kind: organisation.kind,
    kindName: organisationKindNames[organisation.kind],
    region: organisation.region ?? unknownRegion,
    status: status.status,
    statusLabel: status.label,
    evidence: facts.evidence.length,
    featuresUsed: featuresUsed(facts),
  };
}

/**
 * The features an organisation used: named as continuing in a return it answered, or shown by
 * confirmed evidence. The same rule as the national figures' "used" per feature, so filtering the
 * list by a feature gives as many organisations as the home page counts.
 */
export function featuresUsed(facts: OrganisationFacts): Feature[] {
  const answered = facts.returns.filter((ret) => ret.responded);
  return features.filter(
    (feature) =>
      answered.some((ret) => ret.continuingFeatures.includes(feature)) ||
      facts.evidence.some((evidence) => evidence.feature === feature),
  );
}

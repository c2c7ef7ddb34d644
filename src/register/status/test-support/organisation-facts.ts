// Builders of fictional organisations' facts for the status tests: each fills in what a case
// does not care about, so a case states only what it is about.
import type {
  AssuranceFact,
  AssuranceScope,
  EvidenceFact,
  Feature,
  OrganisationFacts,
  ReturnFact,
} from '../register-facts.js';

/** Builds the facts of a fictional trust with no returns, assurances or evidence unless given. */
export function organisationFacts(
  facts: Partial<Omit<OrganisationFacts, 'organisation'>> & {
    organisation?: Partial<OrganisationFacts['organisation']>;
  } = {},
): OrganisationFacts {
  return {
    organisation: {
      id: 1,
      code: 'ZZ1',
      name: 'Example Mental Health Trust',
      kind: 'mental_health_trust',
      region: 'Example North',
      ...facts.organisation,
    },
    returns: facts.returns ?? [],
    assurances: facts.assurances ?? [],
    evidence: facts.evidence ?? [],
  };
}

/** Builds a responded return to the 2021 review that says nothing about use unless told. */
export function reviewReturn(fields: Partial<ReturnFact> = {}): ReturnFact {
  return {
    id: 1,
    reviewId: 2021,
    reviewName: '2021 review',
    reviewClosesOn: '2021-07-31',
    responded: true,
    respondedOn: '2021-07-15',
    usedModel: null,
    usedFrom: null,
    usedUntil: null,
    continuingFeatures: [],
    ...fields,
  };
}

/** Builds an assurance of the given scope given on `givenOn`. */
export function assurance(
  scope: AssuranceScope,
  givenOn: string,
  fields: Partial<AssuranceFact> = {},
): AssuranceFact {
  return {
    id: 1,
    givenOn,
    givenBy: 'Chief executive',
    scope,
    scopeDate: null,
    feature: null,
    text: 'An assurance.',
    sourceDocumentId: null,
    ...fields,
  };
}

/** Builds a confirmed finding of `feature` in a document dated `documentDate`. */
export function evidence(
  feature: Feature,
  documentDate: string | null,
  fields: Partial<EvidenceFact> = {},
): EvidenceFact {
  return {
    findingId: 1,
    documentId: 1,
    documentTitle: 'Crisis pathway policy',
    documentDate,
    page: 3,
    feature,
    indicator: 'police-in-care-plan',
    excerpt: 'An excerpt.',
    score: 0.8,
    modelVersion: '2026-12-07.0a1b2c3d',
    ...fields,
  };
}

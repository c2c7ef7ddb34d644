// What the API sends, as types, and the pure mappings from the register's facts to them. The
// JSON Schemas in api-schemas.ts describe the same shapes; a test checks real answers against them.
import { organisationKindNames } from '../../register/organisations/organisation.js';
import { featureNames } from '../../register/status/feature-names.js';
import type {
  FeatureState,
  OrganisationStatus,
  StatusCode,
} from '../../register/status/organisation-status.js';
import type {
  AssuranceFact,
  EvidenceFact,
  Feature,
  OrganisationFacts,
  OrganisationKind,
  ReturnFact,
} from '../../register/status/register-facts.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';

/** An organisation and its status, as lists show it. */
export interface ApiOrganisationSummary {
  code: string;
  name: string;
  kind: OrganisationKind;
  kindName: string;
  region: string | null;
  status: StatusCode;
  statusLabel: string;
}

/** One piece of confirmed evidence, its excerpt redacted. */
export interface ApiEvidence {
  findingId: number;
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  page: number | null;
  feature: Feature;
  featureName: string;
  indicator: string;
  excerpt: string;
  itemsRedacted: number;
}

/** An assurance, its text redacted. */
export interface ApiAssurance {
  id: number;
  givenOn: string;
  givenBy: string;
  scope: AssuranceFact['scope'];
  scopeDate: string | null;
  feature: Feature | null;
  text: string;
  source: string | null;
  sourceDocumentId: number | null;
}

/** A return to a national review. */
export interface ApiReturn {
  id: number;
  review: string;
  reviewClosesOn: string | null;
  responded: boolean;
  respondedOn: string | null;
  usedModel: boolean | null;
  usedFrom: string | null;
  usedUntil: string | null;
  continuingFeatures: Feature[];
}

/** An organisation with everything public about it. */
export interface ApiOrganisationDetail extends ApiOrganisationSummary {
  formerNames: string[];
  sourceUrl: string | null;
  reasons: OrganisationStatus['reasons'];
  features: Record<Feature, FeatureState>;
  contradictions: OrganisationStatus['contradictions'];
  evidence: ApiEvidence[];
  assurances: ApiAssurance[];
  returns: ApiReturn[];
}

/** What the register holds about an organisation beyond its status facts. */
export interface OrganisationExtras {
  formerNames: string[];
  sourceUrl: string | null;
  /** Each assurance's source (a URL or reference), by assurance id. */
  assuranceSources: ReadonlyMap<number, string | null>;
}

/** An organisation in a list, with its derived status. */
export function organisationSummaryOf(
  facts: OrganisationFacts,
  status: OrganisationStatus,
): ApiOrganisationSummary {
  const { code, name, kind, region } = facts.organisation;
  return {
    code,
    name,
    kind,
    kindName: organisationKindNames[kind],
    region,
    status: status.status,
    statusLabel: status.label,
  };
}

/** An organisation with its reasons, evidence (redacted), assurances (redacted) and returns. */
export function organisationDetailOf(
  facts: OrganisationFacts,
  status: OrganisationStatus,
  extras: OrganisationExtras,
): ApiOrganisationDetail {
  return {
    ...organisationSummaryOf(facts, status),
    formerNames: extras.formerNames,
    sourceUrl: extras.sourceUrl,
    reasons: status.reasons,
    features: status.features,
    contradictions: status.contradictions,
    evidence: facts.evidence.map(evidenceOf),
    assurances: facts.assurances.map((assurance) =>
      assuranceOf(assurance, extras.assuranceSources.get(assurance.id) ?? null),
    ),
    returns: facts.returns.map(returnOf),
  };
}

/** Confirmed evidence as published: the excerpt with personal data removed. */
export function evidenceOf(item: EvidenceFact): ApiEvidence {
  const redacted = redactExcerpt(item.excerpt);
  return {
    findingId: item.findingId,
    documentId: item.documentId,
    documentTitle: item.documentTitle,
    documentDate: item.documentDate,
    page: item.page,
    feature: item.feature,
    featureName: featureNames[item.feature],
    indicator: item.indicator,
    excerpt: redacted.text,
    itemsRedacted: redacted.redacted.length,
  };
}

function assuranceOf(assurance: AssuranceFact, source: string | null): ApiAssurance {
  return {
    id: assurance.id,
    givenOn: assurance.givenOn,
    givenBy: assurance.givenBy,
    scope: assurance.scope,
    scopeDate: assurance.scopeDate,
    feature: assurance.feature,
    text: redactExcerpt(assurance.text).text,
    source,
    sourceDocumentId: assurance.sourceDocumentId,
  };
}

function returnOf(item: ReturnFact): ApiReturn {
  return {
    id: item.id,
    review: item.reviewName,
    reviewClosesOn: item.reviewClosesOn,
    responded: item.responded,
    respondedOn: item.respondedOn,
    usedModel: item.usedModel,
    usedFrom: item.usedFrom,
    usedUntil: item.usedUntil,
    continuingFeatures: item.continuingFeatures,
  };
}

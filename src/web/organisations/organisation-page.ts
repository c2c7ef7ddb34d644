import { documentKindNames, documentKinds } from '../../register/documents/document.js';
import { organisationKindNames } from '../../register/organisations/organisation.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import type { FeatureState, StatusCode } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { readOrganisationRecord } from '../../register/organisations/organisation-page-repository.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import { httpUrlOrNull } from '../render/http-url.js';
import { featureHeading } from '../render/national-figures-view.js';
import {
  buildTimeline,
  reasonSourceLink,
  type PageLink,
  type TimelineEntry,
} from './organisation-timeline.js';
import { describeRelation } from './relation-names.js';
import { listOrganisationResponses } from '../../register/responses/responses-repository.js';
import { responsesByAnchor, viewOf, type ResponseView } from '../responses/response-view.js';

/** Everything an organisation's public page shows. */
export interface OrganisationPage {
  organisation: {
    code: string;
    name: string;
    kindName: string;
    region: string | null;
    formerNames: string[];
    /** Where the organisation's details come from: a link when it is a web address. */
    sourceUrl: string | null;
  };
  links: { code: string; name: string; relation: string }[];
  status: StatusCode;
  statusLabel: string;
  reasons: { text: string; source: PageLink | null }[];
  featureStates: { name: string; state: string }[];
  timeline: TimelineEntry[];
  documents: { id: number; title: string; typeName: string; date: string | null }[];
  /** Its responses (right of reply), oldest received first, and by what each answers. */
  responses: ResponseView[];
  responsesByAnchor: Record<string, ResponseView[]>;
}

const featureStateNames: Record<FeatureState, string> = {
  continuing: 'Appears to be continuing',
  ended: 'Said to have ended',
  not_known: 'Nothing known',
};

/**
 * What an organisation's page shows, or undefined when no organisation has the code: its
 * details and links, its status with the reasons, and its timeline.
 */
export async function loadOrganisationPage(
  db: RegisterDatabase['db'],
  code: string,
): Promise<OrganisationPage | undefined> {
  const record = await readOrganisationRecord(db, code);
  if (!record) return undefined;
  const { facts } = record;
  const status = deriveStatus(facts);
  const responses = await listOrganisationResponses(db, facts.organisation.id);
  return {
    organisation: {
      code: facts.organisation.code,
      name: facts.organisation.name,
      kindName: organisationKindNames[facts.organisation.kind],
      region: facts.organisation.region,
      formerNames: record.formerNames,
      sourceUrl: httpUrlOrNull(record.sourceUrl),
    },
    links: [...record.links]
      .sort(
        (a, b) => Number(b.outgoing) - Number(a.outgoing) || a.otherName.localeCompare(b.otherName),
      )
      .map((link) => ({
        code: link.otherCode,
        name: link.otherName,
        relation: describeRelation(link.relation, link.outgoing ? 'from' : 'to'),
      })),
    status: status.status,
    statusLabel: status.label,
    reasons: status.reasons.map((reason) => ({
      text: reason.text,
      source: reasonSourceLink(reason, facts),
    })),
    featureStates: features.map((feature) => ({
      name: featureHeading(feature),
      state: featureStateNames[status.features[feature]],
    })),
    timeline: buildTimeline(facts, status.contradictions, {
      reasons: record.findingReasons,
      assuranceSources: record.assuranceSources,
    }),
    documents: record.documents.map((each) => ({
      id: each.id,
      title: each.title,
      typeName: documentKindNames[documentKinds.find((kind) => kind === each.docType) ?? 'other'],
      date: each.date,
    })),
    responses: responses.map(viewOf),
    responsesByAnchor: responsesByAnchor(responses),
  };
}

import type { Kysely } from 'kysely';

import { documentKindNames, documentKinds } from '../../register/documents/document.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { organisationKindNames } from '../../register/organisations/organisation.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import type { FeatureState, StatusCode } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { httpUrlOrNull } from './http-url.js';
import { featureHeading } from './national-figures-view.js';
import {
  buildTimeline,
  reasonSourceLink,
  type PageLink,
  type TimelineEntry,
} from './organisation-timeline.js';
import { describeRelation } from './relation-names.js';

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
}

const featureStateNames: Record<FeatureState, string> = {
  continuing: 'Appears to be continuing',
  ended: 'Said to have ended',
  not_known: 'Nothing known',
};

/**
 * Reads what an organisation's page shows, or undefined when no organisation has the code: its
 * details and links, its status with the reasons, and its timeline. Ten queries, each by the
 * organisation (or by the ids it found), however much the register holds.
 */
export async function loadOrganisationPage(
  db: Kysely<DatabaseSchema>,
  code: string,
): Promise<OrganisationPage | undefined> {
  const [facts] = await loadOrganisationFacts(db, code);
  if (!facts) return undefined;
  const id = facts.organisation.id;
  const findingIds = facts.evidence.map((evidence) => evidence.findingId);
  const [row, linksFrom, linksTo, reasons, assurances, documents] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['former_names', 'source_url'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('organisation_links')
      .innerJoin('organisations', 'organisations.id', 'organisation_links.linked_organisation_id')
      .select(['organisations.code', 'organisations.name', 'organisation_links.relation'])
      .where('organisation_links.organisation_id', '=', id)
      .orderBy('organisations.name')
      .execute(),
    db
      .selectFrom('organisation_links')
      .innerJoin('organisations', 'organisations.id', 'organisation_links.organisation_id')
      .select(['organisations.code', 'organisations.name', 'organisation_links.relation'])
      .where('organisation_links.linked_organisation_id', '=', id)
      .orderBy('organisations.name')
      .execute(),
    findingIds.length === 0
      ? []
      : db.selectFrom('findings').select(['id', 'reason']).where('id', 'in', findingIds).execute(),
    db
      .selectFrom('assurances')
      .leftJoin('documents', 'documents.id', 'assurances.source_document_id')
      .select(['assurances.id', 'assurances.source', 'documents.title'])
      .where('assurances.organisation_id', '=', id)
      .execute(),
    db
      .selectFrom('document_organisations')
      .innerJoin('documents', 'documents.id', 'document_organisations.document_id')
      .select(['documents.id', 'documents.title', 'documents.doc_type', 'documents.document_date'])
      .where('document_organisations.organisation_id', '=', id)
      .execute(),
  ]);
  const status = deriveStatus(facts);
  return {
    organisation: {
      code: facts.organisation.code,
      name: facts.organisation.name,
      kindName: organisationKindNames[facts.organisation.kind],
      region: facts.organisation.region,
      formerNames: parseNames(row.former_names),
      sourceUrl: httpUrlOrNull(row.source_url),
    },
    links: [
      ...linksFrom.map((link) => ({ ...link, relation: describeRelation(link.relation, 'from') })),
      ...linksTo.map((link) => ({ ...link, relation: describeRelation(link.relation, 'to') })),
    ],
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
      reasons: new Map(reasons.map((each) => [each.id, each.reason])),
      assuranceSources: new Map(
        assurances.map((each) => [each.id, { documentTitle: each.title, source: each.source }]),
      ),
    }),
    documents: [...documents].sort(newestDocumentFirst).map((each) => ({
      id: each.id,
      title: each.title,
      typeName: documentKindNames[documentKinds.find((kind) => kind === each.doc_type) ?? 'other'],
      date: each.document_date,
    })),
  };
}

function parseNames(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((name) => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** Newest first, undated last (sorted here: the databases order missing dates differently). */
function newestDocumentFirst(
  a: { id: number; document_date: string | null },
  b: { id: number; document_date: string | null },
): number {
  if (a.document_date !== b.document_date) {
    if (a.document_date === null) return 1;
    if (b.document_date === null) return -1;
    return a.document_date < b.document_date ? 1 : -1;
  }
  return b.id - a.id;
}

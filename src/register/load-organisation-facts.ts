import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../store/schema.js';
import { assuranceScopes } from './assurances/assurances-service.js';
import { organisationKindOf } from './organisations/organisation.js';
import {
  features,
  type AssuranceFact,
  type EvidenceFact,
  type Feature,
  type OrganisationFacts,
  type PredecessorFact,
  type ReturnFact,
} from './status/register-facts.js';

/**
 * Reads what the register knows about each organisation (all, or the one with `code`): returns,
 * assurances and confirmed evidence (with that of closed predecessors), as plain facts for the
 * status rules. Five queries in all,
 * however many organisations and findings there are.
 */
export async function loadOrganisationFacts(
  db: Kysely<DatabaseSchema>,
  code?: string,
): Promise<OrganisationFacts[]> {
  let organisationQuery = db.selectFrom('organisations').selectAll().orderBy('name');
  if (code !== undefined) organisationQuery = organisationQuery.where('code', '=', code);
  const organisations = await organisationQuery.execute();
  if (organisations.length === 0) return [];
  const only = code !== undefined;
  const predecessors = predecessorsByCode(
    await db
      .selectFrom('organisations')
      .select(['id', 'code', 'name', 'closed', 'successor_codes'])
      .where('closed', 'is not', null)
      .execute(),
  );
  // The evidence of one organisation's page includes that of its predecessors.
  const ids = [
    ...organisations.map((row) => row.id),
    ...organisations.flatMap((row) => (predecessors.get(row.code) ?? []).map((each) => each.id)),
  ];

  let returnsQuery = db
    .selectFrom('review_returns')
    .innerJoin('reviews', 'reviews.id', 'review_returns.review_id')
    .select([
      'review_returns.id',
      'review_returns.organisation_id',
      'review_returns.review_id',
      'reviews.name',
      'reviews.closes_on',
      'review_returns.responded',
      'review_returns.responded_on',
      'review_returns.used_model',
      'review_returns.used_from',
      'review_returns.used_until',
      'review_returns.continuing_features',
    ])
    .orderBy('review_returns.id');
  if (only) returnsQuery = returnsQuery.where('review_returns.organisation_id', 'in', ids);
  let assurancesQuery = db.selectFrom('assurances').selectAll().orderBy('id');
  if (only) assurancesQuery = assurancesQuery.where('organisation_id', 'in', ids);
  let evidenceQuery = db
    .selectFrom('findings')
    .innerJoin('documents', 'documents.id', 'findings.document_id')
    .innerJoin('document_organisations', 'document_organisations.document_id', 'documents.id')
    .select([
      'findings.id',
      'findings.document_id',
      'documents.title',
      'documents.document_date',
      'findings.page_number',
      'findings.label',
      'findings.indicator',
      'findings.excerpt',
      'findings.score',
      'findings.model_version',
      'document_organisations.organisation_id',
    ])
    .where('findings.status', '=', 'confirmed')
    .where('findings.label', 'in', [...features])
    .orderBy('findings.id');
  if (only)
    evidenceQuery = evidenceQuery.where('document_organisations.organisation_id', 'in', ids);
  const [returns, assurances, evidence] = await Promise.all([
    returnsQuery.execute(),
    assurancesQuery.execute(),
    evidenceQuery.execute(),
  ]);

  const byOrganisation = new Map<number, OrganisationFacts>();
  for (const row of organisations) {
    byOrganisation.set(row.id, {
      organisation: {
        id: row.id,
        code: row.code,
        name: row.name,
        kind: organisationKindOf(row.kind),
        region: row.region,
      },
      returns: [],
      assurances: [],
      evidence: [],
    });
  }
  for (const row of returns) {
    const fact: ReturnFact = {
      id: row.id,
      reviewId: row.review_id,
      reviewName: row.name,
      reviewClosesOn: row.closes_on,
      responded: row.responded === 1,
      respondedOn: row.responded_on,
      usedModel: row.used_model === null ? null : row.used_model === 1,
      usedFrom: row.used_from,
      usedUntil: row.used_until,
      continuingFeatures: asFeatures(JSON.parse(row.continuing_features) as string[]),
    };
    byOrganisation.get(row.organisation_id)?.returns.push(fact);
  }
  for (const row of assurances) {
    const fact: AssuranceFact = {
      id: row.id,
      givenOn: row.given_on,
      givenBy: row.given_by,
      scope: assuranceScopes.find((scope) => scope === row.scope) ?? 'never_used',
      scopeDate: row.scope_date,
      feature: asFeatures(row.feature === null ? [] : [row.feature])[0] ?? null,
      text: row.text,
      sourceDocumentId: row.source_document_id === null ? null : row.source_document_id,
    };
    byOrganisation.get(row.organisation_id)?.assurances.push(fact);
  }
  const evidenceById = new Map<number, EvidenceFact[]>();
  for (const row of evidence) {
    const feature = asFeatures([row.label])[0];
    if (!feature) continue;
    const fact: EvidenceFact = {
      findingId: row.id,
      documentId: row.document_id,
      documentTitle: row.title,
      documentDate: row.document_date,
      page: row.page_number === null ? null : row.page_number,
      feature,
      indicator: row.indicator,
      excerpt: row.excerpt,
      score: row.score,
      modelVersion: row.model_version,
    };
    evidenceById.set(row.organisation_id, [...(evidenceById.get(row.organisation_id) ?? []), fact]);
  }
  for (const facts of byOrganisation.values()) {
    facts.evidence.push(...(evidenceById.get(facts.organisation.id) ?? []));
    const own = new Set(facts.evidence.map((fact) => fact.findingId));
    for (const predecessor of predecessors.get(facts.organisation.code) ?? [])
      for (const fact of evidenceById.get(predecessor.id) ?? []) {
        // A document filed under both keeps its evidence once, as the successor's own.
        if (own.has(fact.findingId)) continue;
        own.add(fact.findingId);
        facts.evidence.push({
          ...fact,
          inheritedFrom: {
            code: predecessor.code,
            name: predecessor.name,
            closed: predecessor.closed,
          },
        });
      }
  }
  return [...byOrganisation.values()];
}

type PredecessorRow = { id: number } & PredecessorFact;

/**
 * For each code, the closed organisations whose work passed to it, directly or through a chain
 * of closures (a trust that merged into one that later merged again).
 */
function predecessorsByCode(
  closed: readonly {
    id: number;
    code: string;
    name: string;
    closed: string | null;
    successor_codes: string;
  }[],
): Map<string, PredecessorRow[]> {
  const direct = new Map<string, PredecessorRow[]>();
  for (const row of closed)
    for (const successor of JSON.parse(row.successor_codes) as string[])
      direct.set(successor, [
        ...(direct.get(successor) ?? []),
        { id: row.id, code: row.code, name: row.name, closed: row.closed ?? '' },
      ]);
  const all = new Map<string, PredecessorRow[]>();
  for (const code of direct.keys()) {
    const found = new Map<number, PredecessorRow>();
    const waiting = [...(direct.get(code) ?? [])];
    for (let next = waiting.pop(); next !== undefined; next = waiting.pop()) {
      if (found.has(next.id) || next.code === code) continue;
      found.set(next.id, next);
      waiting.push(...(direct.get(next.code) ?? []));
    }
    all.set(
      code,
      [...found.values()].sort((a, b) => a.code.localeCompare(b.code)),
    );
  }
  return all;
}

function asFeatures(values: readonly string[]): Feature[] {
  return values.flatMap((value) => features.filter((feature) => feature === value));
}

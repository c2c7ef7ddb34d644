import type { Kysely } from 'kysely';

import { publicSubmissionActor } from '../documents/document.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { listCheckpoints } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { deriveStatus } from '../status/derive-status.js';
import { computeNationalFigures, type NationalFigures } from '../status/national-figures.js';

/** A table of the open data: its columns and rows. */
export interface OpenDataTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** Everything published as open data: tables and the national figures. */
export interface OpenData {
  tables: OpenDataTable[];
  figures: NationalFigures;
}

/**
 * The register as open data: organisations, documents' metadata, evidence (confirmed findings
 * only, excerpts redacted), assurances (text redacted), returns, statuses with their reasons,
 * and the signed checkpoints. Pending and rejected findings and reviewers' names stay private.
 */
export async function buildOpenData(db: Kysely<DatabaseSchema>): Promise<OpenData> {
  const facts = await loadOrganisationFacts(db);
  const codeOf = new Map(facts.map((fact) => [fact.organisation.id, fact.organisation.code]));
  const organisations = await db.selectFrom('organisations').selectAll().orderBy('code').execute();
  const documents = await db
    .selectFrom('documents')
    .selectAll()
    // A document sent in by the public is published once a reviewer accepts it.
    .where((eb) => eb.or([eb('added_by', '!=', publicSubmissionActor), eb('public', '=', 1)]))
    .orderBy('id')
    .execute();
  const owners = await db.selectFrom('document_organisations').selectAll().execute();
  const ownersOf = (documentId: number) =>
    owners
      .filter((owner) => owner.document_id === documentId)
      .map((owner) => codeOf.get(owner.organisation_id) ?? '')
      .sort()
      .join(';');
  const assurances = await db.selectFrom('assurances').selectAll().orderBy('id').execute();
  const returns = await db
    .selectFrom('review_returns')
    .innerJoin('reviews', 'reviews.id', 'review_returns.review_id')
    .selectAll('review_returns')
    .select('reviews.name as review_name')
    .orderBy('review_returns.id')
    .execute();
  const checkpoints = await listCheckpoints(db);

  const evidence = facts.flatMap((fact) =>
    fact.evidence.map((item) => {
      const redacted = redactExcerpt(item.excerpt);
      return [
        item.findingId,
        fact.organisation.code,
        item.documentId,
        item.documentTitle,
        item.documentDate,
        item.page,
        item.feature,
        item.indicator,
        redacted.text,
        redacted.redacted.length,
        item.score,
        item.modelVersion,
      ];
    }),
  );
  const statuses = facts.map((fact) => {
    const status = deriveStatus(fact);
    return [
      fact.organisation.code,
      fact.organisation.name,
      status.status,
      status.label,
      status.reasons.map((reason) => reason.text).join(' | '),
      status.contradictions.map((item) => item.explanation).join(' | '),
    ];
  });
  return {
    figures: computeNationalFigures(facts),
    tables: [
      {
        name: 'organisations',
        columns: ['code', 'name', 'kind', 'region', 'former_names', 'source_url'],
        rows: organisations.map((row) => [
          row.code,
          row.name,
          row.kind,
          row.region,
          (JSON.parse(row.former_names) as string[]).join(';'),
          row.source_url,
        ]),
      },
      {
        name: 'documents',
        columns: [
          'id',
          'title',
          'type',
          'date',
          'organisations',
          'source',
          'obtained',
          'sha256',
          'media_type',
          'pages',
          'public',
          'added_at',
          'catalogue_version',
          'model_version',
        ],
        rows: documents.map((row) => [
          row.id,
          row.title,
          row.doc_type,
          row.document_date,
          ownersOf(row.id),
          row.source,
          row.obtained,
          row.sha256,
          row.media_type,
          row.page_count,
          row.public,
          row.added_at,
          row.catalogue_version,
          row.model_version,
        ]),
      },
      {
        name: 'evidence',
        columns: [
          'finding_id',
          'organisation',
          'document_id',
          'document_title',
          'document_date',
          'page',
          'feature',
          'indicator',
          'excerpt',
          'items_redacted',
          'score',
          'model_version',
        ],
        rows: evidence,
      },
      {
        name: 'assurances',
        columns: [
          'id',
          'organisation',
          'given_on',
          'given_by',
          'scope',
          'scope_date',
          'feature',
          'text',
          'source',
          'source_document_id',
        ],
        rows: assurances.map((row) => [
          row.id,
          codeOf.get(row.organisation_id) ?? '',
          row.given_on,
          row.given_by,
          row.scope,
          row.scope_date,
          row.feature,
          redactExcerpt(row.text).text,
          row.source,
          row.source_document_id,
        ]),
      },
      {
        name: 'returns',
        columns: [
          'id',
          'review',
          'organisation',
          'responded',
          'responded_on',
          'used_model',
          'used_from',
          'used_until',
          'continuing_features',
        ],
        rows: returns.map((row) => [
          row.id,
          row.review_name,
          codeOf.get(row.organisation_id) ?? '',
          row.responded,
          row.responded_on,
          row.used_model,
          row.used_from,
          row.used_until,
          (JSON.parse(row.continuing_features) as string[]).join(';'),
        ]),
      },
      {
        name: 'statuses',
        columns: ['organisation', 'name', 'status', 'label', 'reasons', 'contradictions'],
        rows: statuses,
      },
      {
        name: 'checkpoints',
        columns: ['tree_size', 'root_hash', 'time', 'key_id', 'signature'],
        rows: checkpoints.map((row) => [
          row.treeSize,
          row.rootHash,
          row.time,
          row.keyId,
          row.signature,
        ]),
      },
    ],
  };
}

import type { Kysely } from 'kysely';

import { publicSubmissionActor } from '../documents/document.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { listCheckpoints } from '../../store/record-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { todayOf } from '../calendar-date.js';
import { listSentRequests } from '../foi/foi-reads.js';
import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { deriveStatus } from '../status/derive-status.js';
import { computeNationalFigures, type NationalFigures } from '../status/national-figures.js';
import { openDataTables } from './open-data-dictionary.js';

/** One value of the open data, typed as the JSON files publish it. */
export type OpenDataValue = string | number | boolean | null | readonly string[];

/** A table of the open data: its columns (as the data dictionary lists them) and rows. */
export interface OpenDataTable {
  name: string;
  columns: string[];
  rows: OpenDataValue[][];
}

/** Everything published as open data: tables and the national figures. */
export interface OpenData {
  tables: OpenDataTable[];
  figures: NationalFigures;
}

/** How the open data is built. */
export interface BuildOpenDataOptions {
  /** The site's address (no trailing slash), for the absolute links in the files. */
  baseUrl: string;
  /** The day overdue requests are counted on (YYYY-MM-DD; default: today). */
  today?: string;
}

/**
 * The register as open data: organisations, documents' metadata, evidence (confirmed findings
 * only, one row per organisation and finding, excerpts redacted), assurances (text redacted),
 * returns, statuses with their reasons, and the signed checkpoints. Pending and rejected
 * findings and reviewers' names stay private.
 */
export async function buildOpenData(
  db: Kysely<DatabaseSchema>,
  options: BuildOpenDataOptions,
): Promise<OpenData> {
  const base = options.baseUrl.replace(/\/+$/, '');
  const documentUrl = (id: number) => `${base}/documents/${String(id)}`;
  const facts = await loadOrganisationFacts(db);
  const organisationOf = new Map(facts.map((fact) => [fact.organisation.id, fact.organisation]));
  const codeOf = (id: number) => organisationOf.get(id)?.code ?? '';
  const nameOf = (id: number) => organisationOf.get(id)?.name ?? '';
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
      .map((owner) => owner.organisation_id)
      .sort((a, b) => codeOf(a).localeCompare(codeOf(b)));
  const assurances = await db.selectFrom('assurances').selectAll().orderBy('id').execute();
  const returns = await db
    .selectFrom('review_returns')
    .innerJoin('reviews', 'reviews.id', 'review_returns.review_id')
    .selectAll('review_returns')
    .select('reviews.name as review_name')
    .orderBy('review_returns.id')
    .execute();
  const checkpoints = await listCheckpoints(db);
  const foiRequests = await listSentRequests(db, options.today ?? todayOf(new Date()));

  const evidence = facts
    .flatMap((fact) => fact.evidence.map((item) => ({ organisation: fact.organisation, item })))
    .sort(
      (a, b) =>
        a.item.findingId - b.item.findingId ||
        a.organisation.code.localeCompare(b.organisation.code),
    )
    .map(({ organisation, item }): OpenDataValue[] => {
      const redacted = redactExcerpt(item.excerpt);
      return [
        item.findingId,
        `${documentUrl(item.documentId)}/findings/${String(item.findingId)}`,
        organisation.code,
        organisation.name,
        item.documentId,
        documentUrl(item.documentId),
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
    });
  const statuses = [...facts]
    .sort((a, b) => a.organisation.code.localeCompare(b.organisation.code))
    .map((fact): OpenDataValue[] => {
      const status = deriveStatus(fact);
      return [
        fact.organisation.code,
        fact.organisation.name,
        status.status,
        status.label,
        status.reasons.map((reason) => reason.text),
        status.contradictionGroups.map((group) => group.explanation),
      ];
    });
  const rowsOf: Record<string, OpenDataValue[][]> = {
    organisations: organisations.map((row) => [
      row.code,
      row.name,
      row.kind,
      row.region,
      JSON.parse(row.former_names) as string[],
      row.source_url,
      `${base}/organisations/${encodeURIComponent(row.code)}`,
    ]),
    documents: documents.map((row) => [
      row.id,
      documentUrl(row.id),
      row.title,
      row.doc_type,
      row.document_date,
      ownersOf(row.id).map(codeOf),
      ownersOf(row.id).map(nameOf),
      row.source,
      row.obtained,
      row.sha256,
      row.media_type,
      row.page_count,
      row.public === 1,
      row.added_at,
      row.catalogue_version,
      row.model_version,
    ]),
    evidence,
    assurances: assurances.map((row) => [
      row.id,
      codeOf(row.organisation_id),
      nameOf(row.organisation_id),
      row.given_on,
      row.given_by,
      row.scope,
      row.scope_date,
      row.feature,
      redactExcerpt(row.text).text,
      row.source,
      row.source_document_id,
    ]),
    returns: returns.map((row) => [
      row.id,
      row.review_name,
      codeOf(row.organisation_id),
      nameOf(row.organisation_id),
      row.responded === 1,
      row.responded_on,
      row.used_model === null ? null : row.used_model === 1,
      row.used_from,
      row.used_until,
      JSON.parse(row.continuing_features) as string[],
    ]),
    statuses,
    'foi-requests': foiRequests.map((request) => [
      request.ref,
      `${base}/foi/requests/${request.ref}`,
      request.organisationCode,
      request.organisationName,
      request.subject,
      request.state,
      request.sentOn,
      request.dueOn,
      request.respondedOn,
      request.timeliness,
      request.exemptions,
    ]),
    checkpoints: checkpoints.map((row) => [
      row.treeSize,
      row.rootHash,
      row.time,
      row.keyId,
      row.signature,
    ]),
  };
  return {
    figures: computeNationalFigures(facts),
    tables: openDataTables.map((table) => ({
      name: table.name,
      columns: table.columns.map((column) => column.name),
      rows: rowsOf[table.name] ?? [],
    })),
  };
}

import type { Kysely } from 'kysely';

import { documentKindNames, documentKinds, publicSubmissionActor } from './document.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import type { DatabaseSchema } from '../../store/schema.js';
import {
  confirmationTimes,
  publicFindingOf,
  type ApiFinding,
} from '../findings/public-findings-repository.js';
import { listDocumentOrganisations } from './document-page-repository.js';

/** A document as published: details, confirmed findings, and its text only when public. */
export interface ApiDocument {
  id: number;
  title: string;
  type: string;
  typeName: string;
  date: string | null;
  organisations: { code: string; name: string }[];
  source: string | null;
  obtained: string | null;
  sha256: string;
  mediaType: string;
  byteSize: number;
  pageCount: number;
  public: boolean;
  addedAt: string;
  catalogueVersion: string;
  findings: ApiFinding[];
  pages: { position: number; pageNumber: number | null; text: string }[] | null;
}

/**
 * A document with its confirmed findings (redacted) and, when it is public, its text by page with
 * personal data removed; undefined when there is no such document. Five queries at most.
 */
export async function findPublicDocument(
  db: Kysely<DatabaseSchema>,
  id: number,
): Promise<ApiDocument | undefined> {
  const row = await db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', id)
    // A document sent in by the public is published once a reviewer accepts it.
    .where((eb) => eb.or([eb('added_by', '!=', publicSubmissionActor), eb('public', '=', 1)]))
    .executeTakeFirst();
  if (!row) return undefined;
  const [organisations, findings, pages] = await Promise.all([
    listDocumentOrganisations(db, id),
    db
      .selectFrom('findings')
      .selectAll()
      .where('document_id', '=', id)
      .where('status', '=', 'confirmed')
      .orderBy('id')
      .execute(),
    row.public === 1
      ? db
          .selectFrom('document_pages')
          .selectAll()
          .where('document_id', '=', id)
          .orderBy('position')
          .execute()
      : null,
  ]);
  const times = await confirmationTimes(
    db,
    findings.map((finding) => finding.id),
  );
  const kind = documentKinds.find((each) => each === row.doc_type);
  return {
    id: row.id,
    title: row.title,
    type: row.doc_type,
    typeName: kind ? documentKindNames[kind] : row.doc_type,
    date: row.document_date,
    organisations,
    source: row.source,
    obtained: row.obtained,
    sha256: row.sha256,
    mediaType: row.media_type,
    byteSize: row.byte_size,
    pageCount: row.page_count,
    public: row.public === 1,
    addedAt: row.added_at,
    catalogueVersion: row.catalogue_version,
    findings: findings.map((finding) => publicFindingOf(finding, times.get(finding.id) ?? null)),
    pages:
      pages?.map((page) => ({
        position: page.position,
        pageNumber: page.page_number,
        text: redactExcerpt(page.text).text,
      })) ?? null,
  };
}

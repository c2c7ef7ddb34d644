import { sql, type Kysely, type Selectable } from 'kysely';

import type { DatabaseSchema, DocumentsTable } from '../../store/schema.js';
import { listDocumentOwners } from './documents-repository.js';

/** A document's row, as its page shows it. */
export type StoredDocument = Selectable<DocumentsTable>;

/** A confirmed finding of a document, where it is in the text. */
export interface ConfirmedFindingRow {
  id: number;
  label: string;
  reason: string;
  excerpt: string;
  page_number: number | null;
  start_offset: number;
  end_offset: number;
  /** The OCR engine that read the finding's page; null when the page had a text layer. */
  ocr_engine: string | null;
  ocr_confidence: number | null;
}

/** An extracted page's place and length in characters (its text is read apart, when shown). */
export interface PageLength {
  position: number;
  pageNumber: number | null;
  length: number;
  /** How OCR read the page: both null when it had a text layer. */
  ocr: { engine: string | null; confidence: number | null };
}

/** The document with this id, if there is one. */
export function findStoredDocument(
  db: Kysely<DatabaseSchema>,
  id: number,
): Promise<StoredDocument | undefined> {
  return db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The organisations a document is filed under, by name. */
export function listDocumentOrganisations(
  db: Kysely<DatabaseSchema>,
  documentId: number,
): Promise<{ code: string; name: string }[]> {
  return listDocumentOwners(db, [documentId]).then((owners) =>
    owners.map(({ code, name }) => ({ code, name })),
  );
}

/** A document's confirmed findings, in the order of the text. */
export function listConfirmedFindings(
  db: Kysely<DatabaseSchema>,
  documentId: number,
): Promise<ConfirmedFindingRow[]> {
  return db
    .selectFrom('findings')
    .leftJoin('document_pages as page', (join) =>
      join
        .onRef('page.document_id', '=', 'findings.document_id')
        .onRef('page.page_number', '=', 'findings.page_number'),
    )
    .select([
      'findings.id',
      'findings.label',
      'findings.reason',
      'findings.excerpt',
      'findings.page_number',
      'findings.start_offset',
      'findings.end_offset',
      'page.ocr_engine',
      'page.ocr_confidence',
    ])
    .where('findings.document_id', '=', documentId)
    .where('findings.status', '=', 'confirmed')
    .orderBy('findings.page_number')
    .orderBy('findings.start_offset')
    .orderBy('findings.id')
    .execute();
}

/** Where one confirmed finding of a document is, or undefined when it has no such finding. */
export function findConfirmedFinding(
  db: Kysely<DatabaseSchema>,
  documentId: number,
  findingId: number,
): Promise<Pick<ConfirmedFindingRow, 'page_number' | 'start_offset'> | undefined> {
  return db
    .selectFrom('findings')
    .select(['page_number', 'start_offset'])
    .where('id', '=', findingId)
    .where('document_id', '=', documentId)
    .where('status', '=', 'confirmed')
    .executeTakeFirst();
}

/** The length of each extracted page of a document, in order, without reading the text. */
export async function listPageLengths(
  db: Kysely<DatabaseSchema>,
  documentId: number,
): Promise<PageLength[]> {
  const rows = await db
    .selectFrom('document_pages')
    .select([
      'position',
      'page_number',
      sql<number | string>`length(text)`.as('length'),
      'ocr_engine',
      'ocr_confidence',
    ])
    .where('document_id', '=', documentId)
    .orderBy('position')
    .execute();
  return rows.map((page) => ({
    position: page.position,
    pageNumber: page.page_number,
    length: Number(page.length),
    ocr: { engine: page.ocr_engine, confidence: page.ocr_confidence },
  }));
}

/** The text of some extracted pages of a document, by position. */
export async function readPageTexts(
  db: Kysely<DatabaseSchema>,
  documentId: number,
  positions: readonly number[],
): Promise<Map<number, string>> {
  if (positions.length === 0) return new Map();
  const rows = await db
    .selectFrom('document_pages')
    .select(['position', 'text'])
    .where('document_id', '=', documentId)
    .where('position', 'in', [...positions])
    .execute();
  return new Map(rows.map((page) => [page.position, page.text]));
}

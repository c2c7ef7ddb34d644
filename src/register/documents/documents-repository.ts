import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import type { DocumentEditRecord, DocumentFieldChanges } from '../register-event.js';
import { publicSubmissionActor } from './document.js';

/** The details of a document that can be corrected, with the organisations it is linked to. */
export interface DocumentDetails {
  id: number;
  title: string;
  documentDate: string | null;
  source: string | null;
  public: boolean;
  addedBy: string;
  addedAt: string;
  /** By name. */
  organisations: { id: number; code: string; name: string }[];
}

/** One correction of a document, as its history shows it. */
export interface DocumentEdit {
  /** The record's event number. */
  seq: number;
  time: string;
  editedBy: string;
  reason: string;
  changes: DocumentFieldChanges;
  linked: { code: string; name: string }[];
  unlinked: { code: string; name: string }[];
}

/** The document with an id, or undefined. */
export async function findDocumentDetails(
  db: Kysely<DatabaseSchema>,
  id: number,
): Promise<DocumentDetails | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'title', 'document_date', 'source', 'public', 'added_by', 'added_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const organisations = (await listDocumentOwners(db, [id])).map(({ id, code, name }) => ({
    id,
    code,
    name,
  }));
  return {
    id: row.id,
    title: row.title,
    documentDate: row.document_date,
    source: row.source,
    public: row.public === 1,
    addedBy: row.added_by,
    addedAt: row.added_at,
    organisations,
  };
}

/** The document with an id; a `not_found` error naming the id otherwise. */
export async function getDocumentDetails(
  db: Kysely<DatabaseSchema>,
  id: number,
): Promise<DocumentDetails> {
  const found = await findDocumentDetails(db, id);
  if (!found) throw new SimwatchError('not_found', `Cannot find document ${id}`);
  return found;
}

/**
 * Every correction of a document, oldest first, read from the record itself (the events are the
 * history; corrections are few, so their payloads are read whole and picked by document here).
 */
export async function listDocumentEdits(
  db: Kysely<DatabaseSchema>,
  documentId: number,
): Promise<DocumentEdit[]> {
  const rows = await db
    .selectFrom('record_events')
    .select(['seq', 'time', 'actor', 'payload'])
    .where('type', '=', 'document.edited')
    .orderBy('seq')
    .execute();
  const edits = rows.flatMap((row) => {
    const { edit } = JSON.parse(row.payload) as { edit: DocumentEditRecord };
    return edit.documentId === documentId ? [{ row, edit }] : [];
  });
  const ids = [
    ...new Set(
      edits.flatMap(({ edit }) => [...edit.addedOrganisationIds, ...edit.removedOrganisationIds]),
    ),
  ];
  const organisations =
    ids.length === 0
      ? []
      : await db
          .selectFrom('organisations')
          .select(['id', 'code', 'name'])
          .where('id', 'in', ids)
          .execute();
  const named = (id: number) => {
    const found = organisations.find((organisation) => organisation.id === id);
    return { code: found?.code ?? String(id), name: found?.name ?? `organisation ${id}` };
  };
  return edits.map(({ row, edit }) => ({
    seq: row.seq,
    time: row.time,
    editedBy: edit.editedBy,
    reason: edit.reason,
    changes: edit.changes,
    linked: edit.addedOrganisationIds.map(named),
    unlinked: edit.removedOrganisationIds.map(named),
  }));
}

/** Whether the register holds a document with this id. */
export async function documentExists(db: Kysely<DatabaseSchema>, id: number): Promise<boolean> {
  const row = await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/**
 * Whether a document is held back from the public: sent in through the public form and not yet
 * accepted by a reviewer (accepting makes it public).
 */
export async function isHeldBackDocument(db: Kysely<DatabaseSchema>, id: number): Promise<boolean> {
  const row = await db
    .selectFrom('documents')
    .select('id')
    .where('id', '=', id)
    .where('added_by', '=', publicSubmissionActor)
    .where('public', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

/** A document's stored original: its hash, name and type, and whether anyone may download it. */
export interface DocumentOriginal {
  id: number;
  sha256: string;
  fileName: string | null;
  mediaType: string;
  public: boolean;
}

/** The stored original of the document with this id, if there is such a document. */
export async function findDocumentOriginal(
  db: Kysely<DatabaseSchema>,
  id: number,
): Promise<DocumentOriginal | undefined> {
  const row = await db
    .selectFrom('documents')
    .select(['id', 'sha256', 'file_name', 'media_type', 'public'])
    .where('id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      sha256: row.sha256,
      fileName: row.file_name,
      mediaType: row.media_type,
      public: row.public === 1,
    }
  );
}

/** An organisation a document is filed under. */
export interface DocumentOwner {
  document_id: number;
  id: number;
  code: string;
  name: string;
}

/** The organisations the documents are filed under, in order of name (or of code). */
export async function listDocumentOwners(
  db: Kysely<DatabaseSchema>,
  documentIds: readonly number[],
  orderBy: 'name' | 'code' = 'name',
): Promise<DocumentOwner[]> {
  if (documentIds.length === 0) return [];
  return db
    .selectFrom('document_organisations')
    .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
    .select([
      'document_organisations.document_id',
      'organisations.id',
      'organisations.code',
      'organisations.name',
    ])
    .where('document_organisations.document_id', 'in', [...new Set(documentIds)])
    .orderBy(`organisations.${orderBy}`)
    .execute();
}

/** When each of these documents was added to the register (ISO 8601), by id, in one query. */
export async function listDocumentAddedTimes(
  db: Kysely<DatabaseSchema>,
  documentIds: readonly number[],
): Promise<Map<number, string>> {
  if (documentIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('documents')
    .select(['id', 'added_at'])
    .where('id', 'in', [...new Set(documentIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row.added_at]));
}

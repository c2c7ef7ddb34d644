import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';
import { answerKinds, type OrganisationResponse } from './response.js';

type Db = Kysely<DatabaseSchema>;

/** An organisation's responses, oldest received first. */
export async function listOrganisationResponses(
  db: Db,
  organisationId: number,
): Promise<OrganisationResponse[]> {
  return readResponses(db, (query) =>
    query.where('responses.organisation_id', '=', organisationId),
  );
}

/**
 * The responses that answer a document or one of its findings (whichever organisation's), oldest
 * received first: for the document's page.
 */
export async function listDocumentResponses(
  db: Db,
  documentId: number,
): Promise<OrganisationResponse[]> {
  const findingIds = db.selectFrom('findings').select('id').where('document_id', '=', documentId);
  return readResponses(db, (query) =>
    query.where((eb) =>
      eb.or([
        eb.and([
          eb('responses.answers_kind', '=', 'document'),
          eb('responses.answers_id', '=', documentId),
        ]),
        eb.and([
          eb('responses.answers_kind', '=', 'finding'),
          eb('responses.answers_id', 'in', findingIds),
        ]),
      ]),
    ),
  );
}

/** Every response, newest recorded first, up to `limit`: for the workspace. */
export async function listRecentResponses(
  db: Db,
  options: { limit: number },
): Promise<OrganisationResponse[]> {
  const all = await readResponses(db, (query) =>
    query.orderBy('responses.id', 'desc').limit(options.limit),
  );
  return all.reverse();
}

function baseQuery(db: Db) {
  return db
    .selectFrom('responses')
    .innerJoin('organisations', 'organisations.id', 'responses.organisation_id')
    .selectAll('responses')
    .select(['organisations.code as organisation_code', 'organisations.name as organisation_name']);
}

async function readResponses(
  db: Db,
  narrow: (query: ReturnType<typeof baseQuery>) => ReturnType<typeof baseQuery>,
): Promise<OrganisationResponse[]> {
  const rows = await narrow(baseQuery(db)).execute();
  if (rows.length === 0) return [];
  const documents = await db
    .selectFrom('response_documents')
    .innerJoin('documents', 'documents.id', 'response_documents.document_id')
    .select(['response_documents.response_id', 'documents.id', 'documents.title'])
    .where(
      'response_documents.response_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('documents.id')
    .execute();
  return rows
    .map((row) => ({
      id: row.id,
      organisationCode: row.organisation_code,
      organisationName: row.organisation_name,
      responderName: row.responder_name,
      responderRole: row.responder_role,
      receivedOn: row.received_on,
      text: row.text,
      answers: {
        kind: answerKinds.find((kind) => kind === row.answers_kind) ?? 'document',
        id: row.answers_id,
      },
      documents: documents
        .filter((each) => each.response_id === row.id)
        .map((each) => ({ id: each.id, title: each.title })),
      assuranceId: row.assurance_id,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at,
    }))
    .sort((a, b) =>
      a.receivedOn === b.receivedOn ? a.id - b.id : a.receivedOn < b.receivedOn ? -1 : 1,
    );
}

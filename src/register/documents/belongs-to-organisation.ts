import { sql, type Expression, type SqlBool } from 'kysely';

/**
 * A condition for queries over documents or findings: the document (`documentId`, a column
 * reference) belongs to the organisation with this code. A document can belong to several.
 */
export function belongsToOrganisation(
  documentId: 'documents.id' | 'findings.document_id',
  code: string,
): Expression<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from document_organisations
    join organisations on organisations.id = document_organisations.organisation_id
    where document_organisations.document_id = ${sql.ref(documentId)}
      and organisations.code = ${code}
  )`;
}

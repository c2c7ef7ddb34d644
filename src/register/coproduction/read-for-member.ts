import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';
import type {
  Agreement,
  DocumentVersion,
  JointDocument,
  Party,
} from '../../coproduction/agreement.js';
import { requireMember } from './agreement-membership.js';
import { getAgreement, getJointDocument, getVersion } from './coproduction-repository.js';

/**
 * Reads of confidential work for a member only: each throws `forbidden` ("Cannot open agreement
 * N: you are not a member of any of its parties") for anyone else, administrators included.
 */

type Db = Kysely<DatabaseSchema>;

/** An agreement and the reader's party. */
export async function readAgreementForMember(
  db: Db,
  agreementId: number,
  username: string,
): Promise<{ agreement: Agreement; party: Party }> {
  const agreement = await getAgreement(db, agreementId);
  return { agreement, party: requireMember(agreement, username).party };
}

/** A joint document, its agreement and the reader's party. */
export async function readDocumentForMember(
  db: Db,
  documentId: number,
  username: string,
): Promise<{ agreement: Agreement; document: JointDocument; party: Party }> {
  const document = await getJointDocument(db, documentId);
  const { agreement, party } = await readAgreementForMember(db, document.agreementId, username);
  return { agreement, document, party };
}

/** A version with its content (recording the view is the caller's: see `recordAccess`). */
export async function readVersionForMember(
  db: Db,
  documentId: number,
  versionNumber: number,
  username: string,
): Promise<{
  agreement: Agreement;
  document: JointDocument;
  version: DocumentVersion;
  party: Party;
}> {
  const read = await readDocumentForMember(db, documentId, username);
  return { ...read, version: await getVersion(db, documentId, versionNumber) };
}

import type { Kysely, Selectable } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type {
  AgreementActionsTable,
  AgreementConsentsTable,
  AgreementPublicationsTable,
  DatabaseSchema,
} from '../../store/schema.js';
import type { BindingActionKind } from '../../coproduction/consent-statement.js';
import type {
  AccessKind,
  AccessRecord,
  ActionState,
  ActionSubject,
  Agreement,
  AgreementState,
  BindingAction,
  Comment,
  Consent,
  DocumentVersion,
  DraftsOnDissolution,
  JointDocument,
  Meeting,
  MeetingKind,
  Party,
  Publication,
  PublicationKind,
  PublicSignature,
} from '../../coproduction/agreement.js';

/**
 * Reads of the co-production tables, mapped to the types of agreement.ts. They do not check who
 * is asking: the service's `*ForMember` reads do (drafts are for the parties' members only);
 * `listPublications` and `getPublication` are public.
 */

type Db = Kysely<DatabaseSchema>;

/** An agreement with its parties and members, or undefined. */
export async function findAgreement(db: Db, id: number): Promise<Agreement | undefined> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (row === undefined) return undefined;
  const terms = await db
    .selectFrom('agreement_terms')
    .selectAll()
    .where('agreement_id', '=', id)
    .orderBy('version', 'desc')
    .execute();
  // The latest adopted terms, or the first terms while they await every party's consent.
  const inForce = terms.find((each) => each.adopted_at !== null) ?? terms[terms.length - 1];
  if (inForce === undefined)
    throw new SimwatchError('internal', `Cannot read agreement ${id}: it has no terms`);
  return {
    id: row.id,
    ref: row.ref,
    title: row.title,
    purpose: row.purpose,
    principles: JSON.parse(row.principles) as string[],
    draftsOnDissolution: row.drafts_on_dissolution as DraftsOnDissolution,
    terms: {
      version: inForce.version,
      text: inForce.text,
      hash: inForce.hash,
      adoptedAt: inForce.adopted_at,
      actionId: inForce.action_id,
    },
    state: row.state as AgreementState,
    createdAt: row.created_at,
    createdBy: row.created_by,
    dissolution:
      row.dissolved_at === null
        ? null
        : {
            at: row.dissolved_at,
            by: row.dissolved_by ?? '',
            partyId: row.dissolved_party_id ?? 0,
            reason: row.dissolution_reason ?? '',
          },
    parties: await listParties(db, id),
  };
}

/** An agreement; throws `not_found` when there is none. */
export async function getAgreement(db: Db, id: number): Promise<Agreement> {
  const agreement = await findAgreement(db, id);
  if (agreement === undefined)
    throw new SimwatchError('not_found', `Cannot find agreement ${id}: there is no such agreement`);
  return agreement;
}

/** The agreements `username` is a current member of (of a current party), newest first. */
export async function listAgreementsFor(db: Db, username: string): Promise<Agreement[]> {
  const rows = await db
    .selectFrom('agreement_members')
    .innerJoin('agreement_parties', 'agreement_parties.id', 'agreement_members.party_id')
    .select('agreement_parties.agreement_id')
    .where('agreement_members.username', '=', username)
    .where('agreement_members.removed_at', 'is', null)
    .where('agreement_parties.left_at', 'is', null)
    .orderBy('agreement_parties.agreement_id', 'desc')
    .execute();
  const ids = [...new Set(rows.map((row) => row.agreement_id))];
  return Promise.all(ids.map((id) => getAgreement(db, id)));
}

/** Every party an agreement has had (those removed have `leftAt`), with their members. */
export async function listParties(db: Db, agreementId: number): Promise<Party[]> {
  const parties = await db
    .selectFrom('agreement_parties')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
  if (parties.length === 0) return [];
  const members = await db
    .selectFrom('agreement_members')
    .selectAll()
    .where(
      'party_id',
      'in',
      parties.map((party) => party.id),
    )
    .orderBy('party_id')
    .orderBy('username')
    .execute();
  return parties.map((party) => ({
    id: party.id,
    agreementId: party.agreement_id,
    name: party.name,
    organisationCode: party.organisation_code,
    publicKeyPem: party.public_key_pem,
    keyId: party.key_id,
    joinedAt: party.joined_at,
    leftAt: party.left_at,
    members: members
      .filter((member) => member.party_id === party.id)
      .map((member) => ({
        partyId: member.party_id,
        username: member.username,
        mayAct: member.may_act === 1,
        addedAt: member.added_at,
        removedAt: member.removed_at,
      })),
  }));
}

/** An agreement's joint documents with a summary of each version, oldest first. */
export async function getJointDocuments(db: Db, agreementId: number): Promise<JointDocument[]> {
  const documents = await db
    .selectFrom('agreement_documents')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
  return Promise.all(documents.map((document) => jointDocumentFrom(db, document)));
}

/** One joint document; throws `not_found` when there is none. */
export async function getJointDocument(db: Db, documentId: number): Promise<JointDocument> {
  const document = await db
    .selectFrom('agreement_documents')
    .selectAll()
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (document === undefined)
    throw new SimwatchError(
      'not_found',
      `Cannot find joint document ${documentId}: there is no such document`,
    );
  return jointDocumentFrom(db, document);
}

async function jointDocumentFrom(
  db: Db,
  document: Selectable<DatabaseSchema['agreement_documents']>,
): Promise<JointDocument> {
  const versions = await db
    .selectFrom('agreement_document_versions')
    .select(['document_id', 'number', 'hash', 'created_at', 'created_by', 'party_id', 'note'])
    .where('document_id', '=', document.id)
    .orderBy('number')
    .execute();
  return {
    id: document.id,
    agreementId: document.agreement_id,
    title: document.title,
    createdAt: document.created_at,
    createdBy: document.created_by,
    versions: versions.map((version) => ({
      documentId: version.document_id,
      number: version.number,
      hash: version.hash,
      createdAt: version.created_at,
      createdBy: version.created_by,
      partyId: version.party_id,
      note: version.note,
    })),
  };
}

/** A version of a joint document with its content; throws `not_found` when there is none. */
export async function getVersion(
  db: Db,
  documentId: number,
  number: number,
): Promise<DocumentVersion> {
  const row = await db
    .selectFrom('agreement_document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('number', '=', number)
    .executeTakeFirst();
  if (row === undefined)
    throw new SimwatchError(
      'not_found',
      `Cannot find version ${number} of joint document ${documentId}: there is no such version`,
    );
  return {
    documentId: row.document_id,
    number: row.number,
    content: row.content,
    hash: row.hash,
    createdAt: row.created_at,
    createdBy: row.created_by,
    partyId: row.party_id,
    note: row.note,
  };
}

/** The comments on a joint document (on any version), oldest first. */
export async function listComments(db: Db, documentId: number): Promise<Comment[]> {
  const rows = await db
    .selectFrom('agreement_comments')
    .selectAll()
    .where('document_id', '=', documentId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    documentId: row.document_id,
    versionNumber: row.version_number,
    partyId: row.party_id,
    author: row.author,
    anchor: { exact: row.anchor_exact, prefix: row.anchor_prefix, suffix: row.anchor_suffix },
    body: row.body,
    createdAt: row.created_at,
  }));
}

/** An agreement's meetings and decisions, by the date held, then as recorded. */
export async function listMeetings(db: Db, agreementId: number): Promise<Meeting[]> {
  const rows = await db
    .selectFrom('agreement_meetings')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('held_on')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    agreementId: row.agreement_id,
    kind: row.kind as MeetingKind,
    heldOn: row.held_on,
    title: row.title,
    summary: row.summary,
    presentPartyIds: JSON.parse(row.present_party_ids) as number[],
    toldPartyIds: JSON.parse(row.told_party_ids) as number[],
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
  }));
}

/** An agreement's binding actions by number, each with every consent given (withdrawn too). */
export async function listActions(db: Db, agreementId: number): Promise<BindingAction[]> {
  const rows = await db
    .selectFrom('agreement_actions')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('number')
    .execute();
  return actionsFrom(db, rows);
}

/** One binding action; throws `not_found` when there is none. */
export async function getAction(db: Db, id: number): Promise<BindingAction> {
  const row = await db
    .selectFrom('agreement_actions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined)
    throw new SimwatchError('not_found', `Cannot find action ${id}: there is no such action`);
  const [action] = await actionsFrom(db, [row]);
  if (action === undefined) throw new SimwatchError('internal', `Cannot read action ${id}`);
  return action;
}

async function actionsFrom(
  db: Db,
  rows: Selectable<AgreementActionsTable>[],
): Promise<BindingAction[]> {
  if (rows.length === 0) return [];
  const consents = await db
    .selectFrom('agreement_consents')
    .selectAll()
    .where(
      'action_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('id')
    .execute();
  const agreementIds = [...new Set(rows.map((row) => row.agreement_id))];
  const current = await db
    .selectFrom('agreement_parties')
    .select(['id', 'agreement_id'])
    .where('agreement_id', 'in', agreementIds)
    .where('left_at', 'is', null)
    .execute();
  return rows.map((row) => {
    const own = consents.filter((consent) => consent.action_id === row.id).map(consentFrom);
    const parties = current.filter((party) => party.agreement_id === row.agreement_id);
    return {
      id: row.id,
      agreementId: row.agreement_id,
      number: row.number,
      kind: row.kind as BindingActionKind,
      subject: JSON.parse(row.subject) as ActionSubject,
      subjectHash: row.subject_hash,
      effectiveOn: row.effective_on,
      proposedAt: row.proposed_at,
      proposedBy: row.proposed_by,
      proposedByPartyId: row.proposed_by_party_id,
      state: actionState(
        row.carried_out_at,
        parties.map((party) => party.id),
        own,
      ),
      carriedOutAt: row.carried_out_at,
      carriedOutBy: row.carried_out_by,
      consents: own,
    };
  });
}

function actionState(
  carriedOutAt: string | null,
  currentPartyIds: number[],
  consents: Consent[],
): ActionState {
  if (carriedOutAt !== null) return 'carried_out';
  const consenting = consents.filter((consent) => consent.withdrawnAt === null);
  return currentPartyIds.every((id) => consenting.some((consent) => consent.partyId === id))
    ? 'ready'
    : 'awaiting_consent';
}

function consentFrom(row: Selectable<AgreementConsentsTable>): Consent {
  return {
    id: row.id,
    actionId: row.action_id,
    partyId: row.party_id,
    givenBy: row.given_by,
    givenAt: row.given_at,
    signature: row.signature,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
  };
}

/** Every view and download of an agreement's drafts, oldest first. */
export async function listAccess(db: Db, agreementId: number): Promise<AccessRecord[]> {
  const rows = await db
    .selectFrom('agreement_access')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    agreementId: row.agreement_id,
    documentId: row.document_id,
    versionNumber: row.version_number,
    username: row.username,
    partyId: row.party_id,
    kind: row.kind as AccessKind,
    at: row.at,
    markSeed: row.mark_seed,
  }));
}

/** Every publication of every agreement, newest first (public). */
export async function listPublications(db: Db): Promise<Publication[]> {
  const rows = await publicationQuery(db).orderBy('agreement_publications.id', 'desc').execute();
  return rows.map(publicationFrom);
}

/** One publication (public); throws `not_found` when there is none. */
export async function getPublication(db: Db, id: number): Promise<Publication> {
  const row = await publicationQuery(db)
    .where('agreement_publications.id', '=', id)
    .executeTakeFirst();
  if (row === undefined)
    throw new SimwatchError(
      'not_found',
      `Cannot find publication ${id}: there is no such publication`,
    );
  return publicationFrom(row);
}

function publicationQuery(db: Db) {
  return db
    .selectFrom('agreement_publications')
    .innerJoin('agreements', 'agreements.id', 'agreement_publications.agreement_id')
    .innerJoin('agreement_actions', 'agreement_actions.id', 'agreement_publications.action_id')
    .leftJoin(
      'agreement_parties',
      'agreement_parties.id',
      'agreement_publications.statement_party_id',
    )
    .selectAll('agreement_publications')
    .select([
      'agreements.ref as agreement_ref',
      'agreements.title as agreement_title',
      'agreement_actions.number as action_number',
      'agreement_parties.name as statement_party_name',
    ]);
}

function publicationFrom(
  row: Selectable<AgreementPublicationsTable> & {
    agreement_ref: string;
    agreement_title: string;
    action_number: number;
    statement_party_name: string | null;
  },
): Publication {
  return {
    id: row.id,
    agreementId: row.agreement_id,
    agreementRef: row.agreement_ref,
    agreementTitle: row.agreement_title,
    kind: row.kind as PublicationKind,
    actionId: row.action_id,
    actionNumber: row.action_number,
    documentTitle: row.document_title,
    versionNumber: row.version_number,
    subjectHash: row.subject_hash,
    effectiveOn: row.effective_on,
    text: row.text,
    statement:
      row.statement_party_id === null
        ? null
        : {
            partyId: row.statement_party_id,
            partyName: row.statement_party_name ?? '',
            text: row.statement_text ?? '',
            signature: row.statement_signature ?? '',
          },
    signatures: JSON.parse(row.signatures) as PublicSignature[],
    publishedAt: row.published_at,
    publishedBy: row.published_by,
  };
}

/** A marked download with the content its copy was made from (for `simwatch trace`). */
export interface MarkedDownload {
  accessId: number;
  agreementId: number;
  documentId: number;
  versionNumber: number;
  username: string;
  partyName: string;
  at: string;
  markSeed: string;
  content: string;
}

/** Every marked download (of one agreement, when given), oldest first. */
export async function listMarkedDownloads(db: Db, agreementId?: number): Promise<MarkedDownload[]> {
  let query = db
    .selectFrom('agreement_access')
    .innerJoin('agreement_parties', 'agreement_parties.id', 'agreement_access.party_id')
    .innerJoin('agreement_document_versions', (join) =>
      join
        .onRef('agreement_document_versions.document_id', '=', 'agreement_access.document_id')
        .onRef('agreement_document_versions.number', '=', 'agreement_access.version_number'),
    )
    .select([
      'agreement_access.id',
      'agreement_access.agreement_id',
      'agreement_access.document_id',
      'agreement_access.version_number',
      'agreement_access.username',
      'agreement_parties.name as party_name',
      'agreement_access.at',
      'agreement_access.mark_seed',
      'agreement_document_versions.content',
    ])
    .where('agreement_access.kind', '=', 'download');
  if (agreementId !== undefined)
    query = query.where('agreement_access.agreement_id', '=', agreementId);
  const rows = await query.orderBy('agreement_access.id').execute();
  return rows.map((row) => ({
    accessId: row.id,
    agreementId: row.agreement_id,
    documentId: row.document_id,
    versionNumber: row.version_number,
    username: row.username,
    partyName: row.party_name,
    at: row.at,
    markSeed: row.mark_seed ?? '',
    content: row.content,
  }));
}

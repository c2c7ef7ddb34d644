import type { Kysely } from 'kysely';

import { hashText, readPartyPublicKey } from '../../coproduction/consent-statement.js';
import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { nextId } from '../record-change.js';
import type { RegisterEvent } from '../register-event.js';
import type {
  Agreement,
  BindingAction,
  Consent,
  Party,
  PublicSignature,
} from '../../coproduction/agreement.js';
import { currentParties } from './agreement-membership.js';
import type { CarriedOutRecord, PublicationRecord } from './agreement-records.js';
import { checkNewParties } from './check-new-party.js';
import { getJointDocument, getVersion } from './coproduction-repository.js';

type Db = Kysely<DatabaseSchema>;

/**
 * Why a publication cannot happen now, one sentence per current party without an unwithdrawn
 * consent: it withdrew (when), it consented to another version of the document, or it has not.
 */
export function publishRefusals(
  agreement: Agreement,
  action: BindingAction,
  actions: readonly BindingAction[],
): string[] {
  if (action.subject.kind !== 'publish') return [];
  const { documentId, versionNumber } = action.subject;
  const refusals: string[] = [];
  for (const party of currentParties(agreement)) {
    const own = action.consents.filter((consent) => consent.partyId === party.id);
    if (own.some((consent) => consent.withdrawnAt === null)) continue;
    const withdrawn = own[own.length - 1];
    if (withdrawn?.withdrawnAt) {
      refusals.push(`${party.name} withdrew its consent on ${withdrawn.withdrawnAt.slice(0, 10)}`);
      continue;
    }
    const other = actions
      .filter(
        (each) =>
          each.id !== action.id &&
          each.subject.kind === 'publish' &&
          each.subject.documentId === documentId &&
          each.subject.versionNumber !== versionNumber &&
          each.consents.some((c) => c.partyId === party.id && c.withdrawnAt === null),
      )
      .pop();
    refusals.push(
      other?.subject.kind === 'publish'
        ? `${party.name} has not consented to version ${versionNumber} (its consent was to version ${other.subject.versionNumber})`
        : `${party.name} has not consented to version ${versionNumber}`,
    );
  }
  return refusals;
}

/** The signatures a publication shows: each current party's unwithdrawn consent. */
export function signaturesOf(
  parties: readonly Party[],
  consents: readonly Consent[],
): PublicSignature[] {
  return parties.flatMap((party) => {
    const consent = consents.find((c) => c.partyId === party.id && c.withdrawnAt === null);
    return consent ? [publicSignature(party, consent)] : [];
  });
}

/** A party's consent as shown publicly, with its key. */
export function publicSignature(party: Party, consent: Consent): PublicSignature {
  return {
    partyId: party.id,
    partyName: party.name,
    keyId: party.keyId,
    publicKeyPem: party.publicKeyPem,
    signature: consent.signature,
    givenAt: consent.givenAt,
  };
}

/**
 * The event that carries out an action every current party consented to, with what it writes:
 * the terms adopted (for action 1, the agreement becomes active), a party added or removed, or a
 * publication.
 */
export async function carryOutEvent(
  db: Db,
  agreement: Agreement,
  action: BindingAction,
  at: { time: string; actor: string },
): Promise<{ event: RegisterEvent; publicationId: number | null }> {
  const record: CarriedOutRecord = {
    actionId: action.id,
    agreementId: agreement.id,
    carriedOutAt: at.time,
    carriedOutBy: at.actor,
    publication: null,
    terms: null,
    activates: false,
    addedParty: null,
    removedPartyId: null,
  };
  const subject = action.subject;
  const parties = currentParties(agreement);
  switch (subject.kind) {
    case 'change_terms': {
      const first = agreement.state === 'awaiting_terms' && action.number === 1;
      const latest = await db
        .selectFrom('agreement_terms')
        .select((eb) => eb.fn.max('version').as('max'))
        .where('agreement_id', '=', agreement.id)
        .executeTakeFirst();
      record.terms = {
        agreementId: agreement.id,
        version: first ? 1 : (latest?.max ?? 0) + 1,
        text: subject.text,
        hash: hashText(subject.text),
        adoptedAt: at.time,
        actionId: action.id,
      };
      record.activates = first;
      break;
    }
    case 'add_party':
      // Checked again: another party may have taken its name or its members since it was proposed.
      await checkNewParties(db, [subject.party], parties);
      record.addedParty = {
        id: await nextId(db, 'agreement_parties'),
        agreementId: agreement.id,
        name: subject.party.name,
        organisationCode: subject.party.organisationCode,
        publicKeyPem: subject.party.publicKeyPem,
        keyId: readPartyPublicKey(subject.party.publicKeyPem).keyId,
        joinedAt: at.time,
        members: subject.party.members,
      };
      break;
    case 'remove_party':
      if (parties.length <= 2)
        throw new SimwatchError(
          'conflict',
          'Cannot remove a party: an agreement needs at least two (a party may dissolve it instead)',
        );
      record.removedPartyId = subject.partyId;
      break;
    case 'public_statement':
      record.publication = await publicationRecord(db, agreement, action, at, {
        kind: 'public_statement',
        documentId: null,
        documentTitle: null,
        versionNumber: null,
        text: subject.text,
      });
      break;
    case 'publish': {
      const document = await getJointDocument(db, subject.documentId);
      const version = await getVersion(db, subject.documentId, subject.versionNumber);
      record.publication = await publicationRecord(db, agreement, action, at, {
        kind: 'version',
        documentId: document.id,
        documentTitle: document.title,
        versionNumber: version.number,
        text: version.content,
      });
      break;
    }
  }
  return {
    event: { type: 'agreement.action-carried-out', payload: { carriedOut: record } },
    publicationId: record.publication?.id ?? null,
  };
}

async function publicationRecord(
  db: Db,
  agreement: Agreement,
  action: BindingAction,
  at: { time: string; actor: string },
  what: Pick<PublicationRecord, 'kind' | 'documentId' | 'documentTitle' | 'versionNumber' | 'text'>,
): Promise<PublicationRecord> {
  return {
    id: await nextId(db, 'agreement_publications'),
    agreementId: agreement.id,
    actionId: action.id,
    ...what,
    subjectHash: action.subjectHash,
    effectiveOn: action.effectiveOn,
    statement: null,
    signatures: signaturesOf(currentParties(agreement), action.consents),
    publishedAt: at.time,
    publishedBy: at.actor,
  };
}

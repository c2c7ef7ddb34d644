import type { Kysely } from 'kysely';

import { canonicalJson } from '../../record/canonical-json.js';
import type { DatabaseSchema, StateTable } from '../../store/schema.js';
import type { AgreementEvent } from '../register-event.js';
import type {
  ActionRecord,
  PartyRecord,
  PublicationRecord,
  TermsRecord,
} from './agreement-records.js';

/** A row an event wrote (apply-event's TouchedRow, which imports this module). */
interface TouchedRow {
  table: StateTable;
  key: string;
}

type Db = Kysely<DatabaseSchema>;

/** Writes a co-production event's rows (for live changes and replays alike). */
export async function applyAgreementEvent(db: Db, event: AgreementEvent): Promise<TouchedRow[]> {
  switch (event.type) {
    case 'agreement.created': {
      const { agreement: a, parties, terms, action } = event.payload.created;
      await db
        .insertInto('agreements')
        .values({
          id: a.id,
          ref: a.ref,
          title: a.title,
          purpose: a.purpose,
          principles: JSON.stringify(a.principles),
          drafts_on_dissolution: a.draftsOnDissolution,
          state: 'awaiting_terms',
          created_at: a.createdAt,
          created_by: a.createdBy,
          dissolved_at: null,
          dissolved_by: null,
          dissolved_party_id: null,
          dissolution_reason: null,
        })
        .execute();
      const rows = [touched('agreements', a.id)];
      for (const party of parties) rows.push(...(await insertParty(db, party)));
      rows.push(await writeTerms(db, terms));
      rows.push(await insertAction(db, action));
      return rows;
    }
    case 'agreement.member-changed': {
      const { change: c } = event.payload;
      const existing = await db
        .selectFrom('agreement_members')
        .selectAll()
        .where('party_id', '=', c.partyId)
        .where('username', '=', c.username)
        .executeTakeFirst();
      if (existing === undefined)
        await db
          .insertInto('agreement_members')
          .values({
            party_id: c.partyId,
            username: c.username,
            may_act: c.mayAct ? 1 : 0,
            added_at: c.changedAt,
            removed_at: c.removed ? c.changedAt : null,
          })
          .execute();
      else
        await db
          .updateTable('agreement_members')
          .set({
            may_act: c.mayAct ? 1 : 0,
            // A member removed earlier and added again is a member from now on.
            ...(existing.removed_at !== null && !c.removed ? { added_at: c.changedAt } : {}),
            removed_at: c.removed ? c.changedAt : null,
          })
          .where('party_id', '=', c.partyId)
          .where('username', '=', c.username)
          .execute();
      return [touched('agreement_members', `${c.partyId}/${c.username}`)];
    }
    case 'agreement.document-versioned': {
      const { document, version: v } = event.payload.versioned;
      const rows: TouchedRow[] = [];
      if (document !== null) {
        await db
          .insertInto('agreement_documents')
          .values({
            id: document.id,
            agreement_id: document.agreementId,
            title: document.title,
            created_at: document.createdAt,
            created_by: document.createdBy,
          })
          .execute();
        rows.push(touched('agreement_documents', document.id));
      }
      await db
        .insertInto('agreement_document_versions')
        .values({
          document_id: v.documentId,
          number: v.number,
          content: v.content,
          hash: v.hash,
          created_at: v.createdAt,
          created_by: v.createdBy,
          party_id: v.partyId,
          note: v.note,
        })
        .execute();
      rows.push(touched('agreement_document_versions', `${v.documentId}/${v.number}`));
      return rows;
    }
    case 'agreement.commented': {
      const { comment: c } = event.payload;
      await db
        .insertInto('agreement_comments')
        .values({
          id: c.id,
          document_id: c.documentId,
          version_number: c.versionNumber,
          party_id: c.partyId,
          author: c.author,
          anchor_exact: c.anchor.exact,
          anchor_prefix: c.anchor.prefix,
          anchor_suffix: c.anchor.suffix,
          body: c.body,
          created_at: c.createdAt,
        })
        .execute();
      return [touched('agreement_comments', c.id)];
    }
    case 'agreement.meeting-recorded': {
      const { meeting: m } = event.payload;
      await db
        .insertInto('agreement_meetings')
        .values({
          id: m.id,
          agreement_id: m.agreementId,
          kind: m.kind,
          held_on: m.heldOn,
          title: m.title,
          summary: m.summary,
          present_party_ids: JSON.stringify(m.presentPartyIds),
          told_party_ids: JSON.stringify(m.toldPartyIds),
          recorded_at: m.recordedAt,
          recorded_by: m.recordedBy,
        })
        .execute();
      return [touched('agreement_meetings', m.id)];
    }
    case 'agreement.action-proposed': {
      const { action } = event.payload;
      return [await insertAction(db, action)];
    }
    case 'agreement.consent-given': {
      const { consent: c } = event.payload;
      await db
        .insertInto('agreement_consents')
        .values({
          id: c.id,
          action_id: c.actionId,
          party_id: c.partyId,
          given_by: c.givenBy,
          given_at: c.givenAt,
          signature: c.signature,
          withdrawn_at: null,
          withdrawn_by: null,
        })
        .execute();
      return [touched('agreement_consents', c.id)];
    }
    case 'agreement.consent-withdrawn': {
      const { withdrawal: w } = event.payload;
      await db
        .updateTable('agreement_consents')
        .set({ withdrawn_at: w.withdrawnAt, withdrawn_by: w.withdrawnBy })
        .where('id', '=', w.consentId)
        .execute();
      return [touched('agreement_consents', w.consentId)];
    }
    case 'agreement.action-carried-out': {
      const c = event.payload.carriedOut;
      await db
        .updateTable('agreement_actions')
        .set({ carried_out_at: c.carriedOutAt, carried_out_by: c.carriedOutBy })
        .where('id', '=', c.actionId)
        .execute();
      const rows = [touched('agreement_actions', c.actionId)];
      if (c.terms) rows.push(await writeTerms(db, c.terms));
      if (c.activates) {
        await db
          .updateTable('agreements')
          .set({ state: 'active' })
          .where('id', '=', c.agreementId)
          .execute();
        rows.push(touched('agreements', c.agreementId));
      }
      if (c.addedParty) rows.push(...(await insertParty(db, c.addedParty)));
      if (c.removedPartyId !== null) {
        await db
          .updateTable('agreement_parties')
          .set({ left_at: c.carriedOutAt })
          .where('id', '=', c.removedPartyId)
          .execute();
        rows.push(touched('agreement_parties', c.removedPartyId));
      }
      if (c.publication) rows.push(await insertPublication(db, c.publication));
      return rows;
    }
    case 'agreement.statement-published':
      return [await insertPublication(db, event.payload.publication)];
    case 'agreement.dissolved': {
      const { dissolution: d } = event.payload;
      await db
        .updateTable('agreements')
        .set({
          state: 'dissolved',
          dissolved_at: d.at,
          dissolved_by: d.by,
          dissolved_party_id: d.partyId,
          dissolution_reason: d.reason,
        })
        .where('id', '=', d.agreementId)
        .execute();
      return [touched('agreements', d.agreementId)];
    }
    case 'agreement.accessed': {
      const { access: a } = event.payload;
      await db
        .insertInto('agreement_access')
        .values({
          id: a.id,
          agreement_id: a.agreementId,
          document_id: a.documentId,
          version_number: a.versionNumber,
          username: a.username,
          party_id: a.partyId,
          kind: a.kind,
          at: a.at,
          mark_seed: a.markSeed,
        })
        .execute();
      return [touched('agreement_access', a.id)];
    }
  }
}

async function insertParty(db: Db, party: PartyRecord): Promise<TouchedRow[]> {
  await db
    .insertInto('agreement_parties')
    .values({
      id: party.id,
      agreement_id: party.agreementId,
      name: party.name,
      organisation_code: party.organisationCode,
      public_key_pem: party.publicKeyPem,
      key_id: party.keyId,
      joined_at: party.joinedAt,
      left_at: null,
    })
    .execute();
  if (party.members.length > 0)
    await db
      .insertInto('agreement_members')
      .values(
        party.members.map((member) => ({
          party_id: party.id,
          username: member.username,
          may_act: member.mayAct ? 1 : 0,
          added_at: party.joinedAt,
          removed_at: null,
        })),
      )
      .execute();
  return [
    touched('agreement_parties', party.id),
    ...party.members.map((member) =>
      touched('agreement_members', `${party.id}/${member.username}`),
    ),
  ];
}

/** Inserts a version of the terms, or marks the first terms adopted. */
async function insertAction(db: Db, action: ActionRecord): Promise<TouchedRow> {
  await db
    .insertInto('agreement_actions')
    .values({
      id: action.id,
      agreement_id: action.agreementId,
      number: action.number,
      kind: action.kind,
      subject: canonicalJson(action.subject),
      subject_hash: action.subjectHash,
      effective_on: action.effectiveOn,
      proposed_at: action.proposedAt,
      proposed_by: action.proposedBy,
      proposed_by_party_id: action.proposedByPartyId,
      carried_out_at: null,
      carried_out_by: null,
    })
    .execute();
  return touched('agreement_actions', action.id);
}

async function writeTerms(db: Db, terms: TermsRecord): Promise<TouchedRow> {
  const row = {
    text: terms.text,
    hash: terms.hash,
    adopted_at: terms.adoptedAt,
    action_id: terms.actionId,
  };
  const existing = await db
    .selectFrom('agreement_terms')
    .select('version')
    .where('agreement_id', '=', terms.agreementId)
    .where('version', '=', terms.version)
    .executeTakeFirst();
  if (existing)
    await db
      .updateTable('agreement_terms')
      .set(row)
      .where('agreement_id', '=', terms.agreementId)
      .where('version', '=', terms.version)
      .execute();
  else
    await db
      .insertInto('agreement_terms')
      .values({ agreement_id: terms.agreementId, version: terms.version, ...row })
      .execute();
  return touched('agreement_terms', `${terms.agreementId}/${terms.version}`);
}

async function insertPublication(db: Db, p: PublicationRecord): Promise<TouchedRow> {
  await db
    .insertInto('agreement_publications')
    .values({
      id: p.id,
      agreement_id: p.agreementId,
      kind: p.kind,
      action_id: p.actionId,
      document_id: p.documentId,
      document_title: p.documentTitle,
      version_number: p.versionNumber,
      subject_hash: p.subjectHash,
      effective_on: p.effectiveOn,
      text: p.text,
      statement_party_id: p.statement?.partyId ?? null,
      statement_text: p.statement?.text ?? null,
      statement_signature: p.statement?.signature ?? null,
      signatures: canonicalJson(p.signatures),
      published_at: p.publishedAt,
      published_by: p.publishedBy,
    })
    .execute();
  return touched('agreement_publications', p.id);
}

function touched(table: StateTable, key: number | string): TouchedRow {
  return { table, key: String(key) };
}

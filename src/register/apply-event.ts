import type { Kysely } from 'kysely';

import { noPasswordHash, type DatabaseSchema, type StateTable } from '../store/schema.js';
import { applyAgreementEvent } from './coproduction/apply-agreement-event.js';
import { applyFoiEvent } from './foi/apply-foi-event.js';
import { findingRow } from './findings/finding-row.js';
import { findingStatus } from './findings/finding-status.js';
import { listDecisions } from './findings/list-decisions.js';
import { modelRow } from './models/model-row.js';
import type { AccountRecord, RegisterEvent } from './register-event.js';

/** A row an event wrote: its table and its key, for naming what was altered later. */
export interface TouchedRow {
  table: StateTable;
  key: string;
}

/**
 * Writes an event's rows into the register's tables. The same function serves live changes and
 * replaying the record, so a replay rebuilds exactly what was written.
 */
export async function applyEvent(
  db: Kysely<DatabaseSchema>,
  event: RegisterEvent,
  seq: number,
): Promise<TouchedRow[]> {
  switch (event.type) {
    case 'organisations.imported': {
      for (const org of event.payload.organisations) {
        const row = {
          code: org.code,
          name: org.name,
          kind: org.kind,
          region: org.region,
          former_names: JSON.stringify(org.formerNames),
          source_url: org.sourceUrl,
          icb_code: org.icbCode ?? null,
          opened: org.opened ?? null,
          closed: org.closed ?? null,
          successor_codes: JSON.stringify(org.successorCodes ?? []),
        };
        const existing = await db
          .selectFrom('organisations')
          .select('id')
          .where('id', '=', org.id)
          .executeTakeFirst();
        if (existing)
          await db.updateTable('organisations').set(row).where('id', '=', org.id).execute();
        else
          await db
            .insertInto('organisations')
            .values({ id: org.id, ...row, created_seq: seq })
            .execute();
      }
      return event.payload.organisations.map((org) => touched('organisations', org.id));
    }
    case 'organisation.linked': {
      const { link } = event.payload;
      await db
        .insertInto('organisation_links')
        .values({
          id: link.id,
          organisation_id: link.organisationId,
          linked_organisation_id: link.linkedOrganisationId,
          relation: link.relation,
        })
        .execute();
      return [touched('organisation_links', link.id)];
    }
    case 'document.ingested': {
      const { document: doc, organisationIds, pages, findings } = event.payload;
      await db
        .insertInto('documents')
        .values({
          id: doc.id,
          sha256: doc.sha256,
          title: doc.title,
          file_name: doc.fileName,
          media_type: doc.mediaType,
          byte_size: doc.byteSize,
          page_count: doc.pageCount,
          doc_type: doc.docType,
          document_date: doc.documentDate,
          source: doc.source,
          obtained: doc.obtained,
          added_by: doc.addedBy,
          added_at: doc.addedAt,
          catalogue_version: doc.catalogueVersion,
          model_version: doc.modelVersion ?? null,
          public: doc.public ? 1 : 0,
          unread_pages: doc.unreadPages ?? null,
        })
        .execute();
      if (organisationIds.length > 0)
        await db
          .insertInto('document_organisations')
          .values(organisationIds.map((id) => ({ document_id: doc.id, organisation_id: id })))
          .execute();
      for (const batch of batches(pages, 200))
        await db
          .insertInto('document_pages')
          .values(
            batch.map((page) => ({
              document_id: doc.id,
              position: page.position,
              page_number: page.pageNumber,
              text: page.text,
              ocr_engine: page.ocr?.engine ?? null,
              ocr_confidence: page.ocr?.confidence ?? null,
            })),
          )
          .execute();
      for (const batch of batches(findings, 200))
        await db
          .insertInto('findings')
          .values(batch.map((finding) => findingRow(doc.id, finding)))
          .execute();
      return [
        touched('documents', doc.id),
        ...organisationIds.map((id) => touched('document_organisations', `${doc.id}/${id}`)),
        ...pages.map((page) => touched('document_pages', `${doc.id}/${page.position}`)),
        ...findings.map((finding) => touched('findings', finding.id)),
      ];
    }
    case 'document.edited': {
      const { edit } = event.payload;
      const { title, documentDate, source, public: isPublic } = edit.changes;
      const row = {
        ...(title ? { title: title.to } : {}),
        ...(documentDate ? { document_date: documentDate.to } : {}),
        ...(source ? { source: source.to } : {}),
        ...(isPublic ? { public: isPublic.to ? 1 : 0 } : {}),
      };
      if (Object.keys(row).length > 0)
        await db.updateTable('documents').set(row).where('id', '=', edit.documentId).execute();
      if (edit.removedOrganisationIds.length > 0)
        await db
          .deleteFrom('document_organisations')
          .where('document_id', '=', edit.documentId)
          .where('organisation_id', 'in', edit.removedOrganisationIds)
          .execute();
      if (edit.addedOrganisationIds.length > 0)
        await db
          .insertInto('document_organisations')
          .values(
            edit.addedOrganisationIds.map((id) => ({
              document_id: edit.documentId,
              organisation_id: id,
            })),
          )
          .execute();
      return [
        touched('documents', edit.documentId),
        ...edit.addedOrganisationIds.map((id) =>
          touched('document_organisations', `${edit.documentId}/${id}`),
        ),
      ];
    }
    case 'finding.decided': {
      const { decision } = event.payload;
      await db
        .insertInto('decisions')
        .values({
          id: decision.id,
          finding_id: decision.findingId,
          reviewer: decision.reviewer,
          decision: decision.decision,
          reason: decision.reason,
          decided_at: decision.decidedAt,
        })
        .execute();
      const status = findingStatus(await listDecisions(db, decision.findingId));
      await db
        .updateTable('findings')
        .set({ status })
        .where('id', '=', decision.findingId)
        .execute();
      return [touched('decisions', decision.id), touched('findings', decision.findingId)];
    }
    case 'findings.assigned': {
      const { assignment } = event.payload;
      const assigned = assignment.assignee !== null;
      await db
        .updateTable('findings')
        .set({
          assigned_to: assignment.assignee,
          assigned_by: assigned ? assignment.assignedBy : null,
          assigned_at: assigned ? assignment.assignedAt : null,
        })
        .where('id', 'in', assignment.findingIds)
        .execute();
      return assignment.findingIds.map((id) => touched('findings', id));
    }
    case 'assurance.recorded': {
      const { assurance: a } = event.payload;
      await db
        .insertInto('assurances')
        .values({
          id: a.id,
          organisation_id: a.organisationId,
          given_on: a.givenOn,
          given_by: a.givenBy,
          scope: a.scope,
          scope_date: a.scopeDate,
          feature: a.feature,
          text: a.text,
          source_document_id: a.sourceDocumentId,
          source: a.source,
          recorded_by: a.recordedBy,
          finding_id: a.findingId ?? null,
        })
        .execute();
      return [touched('assurances', a.id)];
    }
    case 'review.created': {
      const { review } = event.payload;
      await db
        .insertInto('reviews')
        .values({
          id: review.id,
          name: review.name,
          opened_on: review.openedOn,
          closes_on: review.closesOn,
          questions: JSON.stringify(review.questions),
        })
        .execute();
      return [touched('reviews', review.id)];
    }
    case 'return.recorded': {
      const r = event.payload.return;
      const row = {
        review_id: r.reviewId,
        organisation_id: r.organisationId,
        responded: r.responded ? 1 : 0,
        responded_on: r.respondedOn,
        used_model: r.usedModel === null ? null : r.usedModel ? 1 : 0,
        used_from: r.usedFrom,
        used_until: r.usedUntil,
        continuing_features: JSON.stringify(r.continuingFeatures),
        notes: r.notes,
        recorded_by: r.recordedBy,
      };
      // A later return to the same review replaces the earlier one; the record keeps both.
      await db.deleteFrom('review_returns').where('id', '=', r.id).execute();
      await db
        .deleteFrom('review_returns')
        .where('review_id', '=', r.reviewId)
        .where('organisation_id', '=', r.organisationId)
        .execute();
      await db
        .insertInto('review_returns')
        .values({ id: r.id, ...row })
        .execute();
      return [touched('review_returns', r.id)];
    }
    case 'model.activated': {
      const { model } = event.payload;
      await db.insertInto('screening_models').values(modelRow(model)).execute();
      return [touched('screening_models', model.id)];
    }
    case 'account.created':
      await writeAccount(db, event.payload.account);
      return [touched('users', event.payload.account.username)];
    case 'accounts.adopted':
      for (const account of event.payload.accounts) await writeAccount(db, account);
      return event.payload.accounts.map((account) => touched('users', account.username));
    case 'account.changed': {
      const { change } = event.payload;
      const row = {
        ...(change.role ? { role: change.role.to } : {}),
        ...(change.disabled ? { disabled: change.disabled.to ? 1 : 0 } : {}),
      };
      if (Object.keys(row).length > 0)
        await db.updateTable('users').set(row).where('username', '=', change.username).execute();
      return [touched('users', change.username)];
    }
    case 'response.recorded': {
      const { response: r } = event.payload;
      await db
        .insertInto('responses')
        .values({
          id: r.id,
          organisation_id: r.organisationId,
          responder_name: r.responderName,
          responder_role: r.responderRole,
          received_on: r.receivedOn,
          text: r.text,
          answers_kind: r.answers.kind,
          answers_id: r.answers.id,
          assurance_id: r.assuranceId,
          recorded_by: r.recordedBy,
          recorded_at: r.recordedAt,
        })
        .execute();
      if (r.documentIds.length > 0)
        await db
          .insertInto('response_documents')
          .values(r.documentIds.map((id) => ({ response_id: r.id, document_id: id })))
          .execute();
      return [
        touched('responses', r.id),
        ...r.documentIds.map((id) => touched('response_documents', `${r.id}/${id}`)),
      ];
    }
    case 'agreement.created':
    case 'agreement.member-changed':
    case 'agreement.document-versioned':
    case 'agreement.commented':
    case 'agreement.meeting-recorded':
    case 'agreement.action-proposed':
    case 'agreement.consent-given':
    case 'agreement.consent-withdrawn':
    case 'agreement.action-carried-out':
    case 'agreement.statement-published':
    case 'agreement.dissolved':
    case 'agreement.accessed':
      return applyAgreementEvent(db, event);
    case 'foi.contact-set':
    case 'foi.batch-created':
    case 'foi.request-drafted':
    case 'foi.sent':
    case 'foi.state-changed':
    case 'foi.clarification-asked':
    case 'foi.clarification-answered':
    case 'foi.reply-attached':
      return applyFoiEvent(db, event);
    case 'account.password-set':
      // The hash is written beside the event by the change that set it, never from the record.
      return [];
    case 'open-data.published':
      // The record itself is the list of publications; the zip is in the document store.
      return [];
  }
}

/**
 * Writes an account's recorded details, keeping the password hash of an account that exists. A
 * new one gets an empty hash, which no password matches: an account rebuilt from the record
 * cannot sign in until `simwatch user password` gives it a password.
 */
async function writeAccount(db: Kysely<DatabaseSchema>, account: AccountRecord): Promise<void> {
  const row = {
    display_name: account.displayName,
    role: account.role,
    disabled: account.disabled ? 1 : 0,
    created_at: account.createdAt,
    created_by: account.createdBy,
  };
  const existing = await db
    .selectFrom('users')
    .select('username')
    .where('username', '=', account.username)
    .executeTakeFirst();
  if (existing)
    await db.updateTable('users').set(row).where('username', '=', account.username).execute();
  else
    await db
      .insertInto('users')
      .values({ username: account.username, ...row, password_hash: noPasswordHash })
      .execute();
}

function touched(table: StateTable, key: number | string): TouchedRow {
  return { table, key: String(key) };
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    out.push(items.slice(start, start + size));
  return out;
}

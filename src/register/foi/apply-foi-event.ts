import type { Kysely } from 'kysely';

import { answeredStates } from '../../foi/request-transitions.js';
import type { DatabaseSchema, StateTable } from '../../store/schema.js';
import type { FoiEvent } from '../register-event.js';

/** A row an event wrote (apply-event's TouchedRow, which imports this module). */
interface TouchedRow {
  table: StateTable;
  key: string;
}

type Db = Kysely<DatabaseSchema>;

/** Writes an FOI event's rows (for live changes and replays alike). */
export async function applyFoiEvent(db: Db, event: FoiEvent): Promise<TouchedRow[]> {
  switch (event.type) {
    case 'foi.contact-set': {
      const { contact: c } = event.payload;
      const row = {
        email: c.email,
        source: c.source,
        updated_by: c.updatedBy,
        updated_at: c.updatedAt,
      };
      await db.deleteFrom('foi_contacts').where('organisation_id', '=', c.organisationId).execute();
      await db
        .insertInto('foi_contacts')
        .values({ organisation_id: c.organisationId, ...row })
        .execute();
      return [touched('foi_contacts', c.organisationId)];
    }
    case 'foi.batch-created': {
      const { batch: b, requests } = event.payload;
      await db
        .insertInto('foi_batches')
        .values({
          id: b.id,
          ref: b.ref,
          title: b.title,
          target: JSON.stringify(b.target),
          subject: b.subject,
          body: b.body,
          created_by: b.createdBy,
          created_at: b.createdAt,
        })
        .execute();
      for (const request of requests) await insertRequest(db, request);
      return [
        touched('foi_batches', b.id),
        ...requests.map((request) => touched('foi_requests', request.id)),
      ];
    }
    case 'foi.request-drafted': {
      const { request } = event.payload;
      await insertRequest(db, request);
      return [touched('foi_requests', request.id)];
    }
    case 'foi.sent': {
      const { sent } = event.payload;
      for (const request of sent.requests) {
        await db
          .updateTable('foi_requests')
          .set({
            state: 'awaiting_response',
            sent_on: sent.sentOn,
            sent_via: sent.via,
            message_id: request.messageId,
            received_on: sent.receivedOn,
            updated_at: sent.sentAt,
          })
          .where('id', '=', request.id)
          .execute();
        await db
          .insertInto('foi_state_changes')
          .values({
            id: request.stateChangeId,
            request_id: request.id,
            from_state: 'draft',
            to_state: 'awaiting_response',
            on_day: sent.sentOn,
            note: sent.via === 'email' ? 'Sent by email' : 'Sent elsewhere (exported)',
            changed_by: sent.sentBy,
            changed_at: sent.sentAt,
          })
          .execute();
      }
      return sent.requests.flatMap((request) => [
        touched('foi_requests', request.id),
        touched('foi_state_changes', request.stateChangeId),
      ]);
    }
    case 'foi.state-changed': {
      const { change: c } = event.payload;
      await db
        .updateTable('foi_requests')
        .set({
          state: c.to,
          exemptions: JSON.stringify(c.exemptions),
          ...(answeredStates.includes(c.to) ? { responded_on: c.onDay } : {}),
          updated_at: c.changedAt,
        })
        .where('id', '=', c.requestId)
        .execute();
      await db
        .insertInto('foi_state_changes')
        .values({
          id: c.id,
          request_id: c.requestId,
          from_state: c.from,
          to_state: c.to,
          on_day: c.onDay,
          note: c.note,
          changed_by: c.changedBy,
          changed_at: c.changedAt,
        })
        .execute();
      return [touched('foi_requests', c.requestId), touched('foi_state_changes', c.id)];
    }
    case 'foi.clarification-asked': {
      const { clarification: c } = event.payload;
      await db
        .insertInto('foi_clarifications')
        .values({ id: c.id, request_id: c.requestId, asked_on: c.askedOn, answered_on: null })
        .execute();
      return [touched('foi_clarifications', c.id)];
    }
    case 'foi.clarification-answered': {
      const { clarification: c } = event.payload;
      await db
        .updateTable('foi_clarifications')
        .set({ answered_on: c.answeredOn })
        .where('id', '=', c.id)
        .execute();
      return [touched('foi_clarifications', c.id)];
    }
    case 'foi.reply-attached': {
      const { reply: r } = event.payload;
      await db
        .insertInto('foi_replies')
        .values({
          id: r.id,
          request_id: r.requestId,
          received_on: r.receivedOn,
          kind: r.kind,
          document_id: r.documentId,
          note: r.note,
          recorded_by: r.recordedBy,
          recorded_at: r.recordedAt,
        })
        .execute();
      return [touched('foi_replies', r.id)];
    }
  }
}

async function insertRequest(
  db: Db,
  request: Extract<FoiEvent, { type: 'foi.request-drafted' }>['payload']['request'],
): Promise<void> {
  await db
    .insertInto('foi_requests')
    .values({
      id: request.id,
      ref: request.ref,
      batch_id: request.batchId,
      organisation_id: request.organisationId,
      subject: request.subject,
      body: request.body,
      state: 'draft',
      exemptions: '[]',
      sent_on: null,
      sent_via: null,
      message_id: null,
      received_on: null,
      responded_on: null,
      created_by: request.createdBy,
      created_at: request.createdAt,
      updated_at: request.createdAt,
    })
    .execute();
}

function touched(table: StateTable, key: number | string): TouchedRow {
  return { table, key: String(key) };
}

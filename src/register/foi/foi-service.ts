import { parse } from 'csv-parse/sync';
import type { Kysely } from 'kysely';
import { simpleParser } from 'mailparser';

import { SimwatchError } from '../../errors.js';
import {
  batchRef,
  requestRef,
  requestStateNames,
  requestStates,
  type BatchTarget,
  type FoiBatch,
  type FoiReply,
  type FoiRequest,
  type ReplyKind,
  type RequestState,
} from '../../foi/foi-request.js';
import { exemptionStates, normaliseExemption, whyNotMove } from '../../foi/request-transitions.js';
import { composeRequestEmail, type FoiSender } from '../../foi/sending/foi-sender.js';
import { findRequestRefsInEmail } from '../../foi/sending/find-request-refs.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { checkAssurance, decideAssurance } from '../assurances/assurances-service.js';
import { todayOf } from '../calendar-date.js';
import { ingestDocument, type IngestResult } from '../documents/ingest-document.js';
import { isCurrentOrganisation, type Organisation } from '../organisations/organisation.js';
import {
  getOrganisationByCode,
  listOrganisations,
} from '../organisations/organisations-repository.js';
import { findNhsEnglandRegion } from '../organisations/nhs-england-region.js';
import { recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { RegisterEvent } from '../register-event.js';
import { recordReturn } from '../reviews/reviews-service.js';
import { checkChoice, checkDate, checkText } from '../validate-input.js';
import { isEmailAddress } from '../../foi/sending/email-address.js';
import {
  findOpenClarification,
  findRequestIdByMessageId,
  getRequestByRef,
  nextFoiId,
  readBatches,
  readContacts,
  readReplies,
  readRequests,
} from './foi-repository.js';
import { withDeadline } from './foi-reads.js';

export {
  foiCountsByOrganisation,
  getBatch,
  getRequest,
  listBatches,
  listRecentStateChanges,
  listRequests,
  type BatchCounts,
  type FoiBatchDetail,
  type FoiBatchSummary,
  type FoiOrganisationCounts,
  type FoiRequestDetail,
  type RequestFilter,
} from './foi-reads.js';

type Db = Kysely<DatabaseSchema>;

/** The longest parts of a request (far above any real one). */
export const foiLimits = { subject: 200, body: 20_000, title: 200, note: 5_000 } as const;

/** Sets (or replaces) an organisation's FOI address. */
export async function setFoiContact(
  deps: RegisterDeps,
  input: { organisationCode: string; email: string; source?: string | null },
  actor: string,
): Promise<void> {
  const email = checkEmail(input.email);
  await recordChange(deps, actor, async (trx, time) => {
    const organisation = await getOrganisationByCode(trx, input.organisationCode);
    return {
      events: [contactEvent(organisation.id, email, input.source, actor, time)],
      result: undefined,
    };
  });
}

/**
 * Sets many organisations' FOI addresses from CSV text with columns `code,email[,source]` (a
 * header row naming them), all in one change. Returns how many were set.
 */
export async function importFoiContacts(
  deps: RegisterDeps,
  csvText: string,
  actor: string,
): Promise<number> {
  let rows: Record<string, string | undefined>[];
  try {
    rows = parse(csvText, {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new SimwatchError(
      'invalid_input',
      `Cannot read the FOI addresses: not a valid CSV file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const first = rows[0];
  if (!first || !('code' in first) || !('email' in first))
    throw new SimwatchError(
      'invalid_input',
      'Cannot import FOI addresses: the CSV needs a header row with the columns code,email (and, optionally, source)',
    );
  const checked = rows.map((row, index) => {
    try {
      return { code: checkText(row.code, 'the organisation code'), email: checkEmail(row.email) };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new SimwatchError('invalid_input', `${message} (row ${index + 2})`);
    }
  });
  return recordChange(deps, actor, async (trx, time) => {
    const events: RegisterEvent[] = [];
    for (const [index, row] of checked.entries()) {
      const organisation = await getOrganisationByCode(trx, row.code);
      events.push(contactEvent(organisation.id, row.email, rows[index]?.source, actor, time));
    }
    return { events, result: events.length };
  });
}

/** Drafts one request to one organisation (not sent: drafts are not public). */
export async function draftRequest(
  deps: RegisterDeps,
  input: { organisationCode: string; subject: string; body: string },
  actor: string,
): Promise<FoiRequest> {
  const subject = checkLength(checkText(input.subject, 'the subject', 'subject'), 'subject');
  const body = checkLength(checkText(input.body, 'the text of the request', 'body'), 'body');
  const id = await recordChange(deps, actor, async (trx, time) => {
    const organisation = await getOrganisationByCode(trx, input.organisationCode);
    const requestId = await nextFoiId(trx, 'foi_requests');
    return {
      events: [
        {
          type: 'foi.request-drafted',
          payload: {
            request: {
              id: requestId,
              ref: requestRef(requestId),
              batchId: null,
              organisationId: organisation.id,
              subject,
              body: fillOrganisation(body, organisation.name),
              createdBy: actor,
              createdAt: time,
            },
          },
        },
      ],
      result: requestId,
    };
  });
  return requestById(deps.database.db, id);
}

/** What a batch is sent to, by name on the command line and forms. */
export const batchTargetKinds = {
  'mental-health-trusts': 'mental_health_trusts',
  'ambulance-trusts': 'ambulance_trusts',
  'police-forces': 'police_forces',
} as const;

/**
 * Drafts one request per CURRENT organisation of the target (closed ones are skipped; `region`
 * narrows to an NHS England region), `{organisation}` in the text filled with each one's name.
 */
export async function createBatch(
  deps: RegisterDeps,
  input: { title: string; subject: string; body: string; target: BatchTarget; region?: string },
  actor: string,
): Promise<FoiBatch> {
  const title = checkLength(checkText(input.title, 'the title of the batch', 'title'), 'title');
  const subject = checkLength(checkText(input.subject, 'the subject', 'subject'), 'subject');
  const body = checkLength(checkText(input.body, 'the text of the request', 'body'), 'body');
  const region = input.region?.trim() ? checkRegion(input.region) : undefined;
  const today = todayOf(deps.now());
  const id = await recordChange(deps, actor, async (trx, time) => {
    const organisations = await targetOrganisations(trx, input.target, today, region);
    const batchId = await nextFoiId(trx, 'foi_batches');
    const firstId = await nextFoiId(trx, 'foi_requests');
    const target: BatchTarget =
      input.target.kind === 'organisations'
        ? { kind: 'organisations', codes: organisations.map((each) => each.code) }
        : { kind: input.target.kind };
    return {
      events: [
        {
          type: 'foi.batch-created',
          payload: {
            batch: {
              id: batchId,
              ref: batchRef(batchId),
              title,
              target,
              subject,
              body,
              createdBy: actor,
              createdAt: time,
            },
            requests: organisations.map((organisation, index) => ({
              id: firstId + index,
              ref: requestRef(firstId + index),
              batchId,
              organisationId: organisation.id,
              subject,
              body: fillOrganisation(body, organisation.name),
              createdBy: actor,
              createdAt: time,
            })),
          },
        },
      ],
      result: batchId,
    };
  });
  const [batch] = await readBatches(deps.database.db, { ref: batchRef(id) });
  if (!batch) throw new SimwatchError('internal', `Cannot read FOI batch ${id} just created`);
  return batch;
}

/**
 * Emails drafts, one by one, each recorded as sent (with its Message-ID) as soon as the mail
 * server accepts it, so a failure halfway leaves the sent ones recorded and the rest drafts. A
 * request whose organisation has no FOI address fails with a reason, as does one not a draft.
 */
export async function sendRequests(
  deps: RegisterDeps,
  input: { requestIds: readonly number[]; sender: FoiSender; sentOn?: string },
  actor: string,
): Promise<{ sent: FoiRequest[]; failed: { request: FoiRequest; reason: string }[] }> {
  const today = deps.now();
  const sentOn = input.sentOn
    ? checkDate(input.sentOn, 'the day it was sent', { today, field: 'sentOn' })
    : todayOf(today);
  const db = deps.database.db;
  const requests = await requestsByIds(db, input.requestIds);
  const contacts = await contactsByCode(db);
  const sent: FoiRequest[] = [];
  const failed: { request: FoiRequest; reason: string }[] = [];
  for (const request of requests) {
    const email = contacts.get(request.organisationCode);
    if (request.state !== 'draft') {
      failed.push({ request, reason: `${request.ref} was sent already (on ${request.sentOn})` });
      continue;
    }
    if (!email) {
      failed.push({
        request,
        reason:
          `${request.organisationName} (${request.organisationCode}) has no FOI address: add one with ` +
          `"simwatch foi contact set ${request.organisationCode} EMAIL", or export the request ` +
          '(simwatch foi export) and send it elsewhere, such as WhatDoTheyKnow',
      });
      continue;
    }
    let messageId: string;
    try {
      const message = composeRequestEmail(
        {
          ref: request.ref,
          subject: request.subject,
          body: request.body,
          organisationName: request.organisationName,
        },
        email,
      );
      ({ messageId } = await input.sender.send(message));
    } catch (error) {
      failed.push({
        request,
        // The sender's message names the request and the address already.
        reason: error instanceof Error ? error.message : String(error),
      });
      continue;
    }
    await recordSent(deps, [{ id: request.id, messageId }], 'email', sentOn, actor);
    sent.push(await requestById(db, request.id));
  }
  return { sent, failed };
}

/** Records drafts as sent elsewhere on a day (after exporting them, e.g. to WhatDoTheyKnow). */
export async function recordSentElsewhere(
  deps: RegisterDeps,
  input: { requestIds: readonly number[]; sentOn: string },
  actor: string,
): Promise<FoiRequest[]> {
  const sentOn = checkDate(input.sentOn, 'the day it was sent', {
    today: deps.now(),
    field: 'sentOn',
  });
  const requests = await requestsByIds(deps.database.db, input.requestIds);
  const notDrafts = requests.filter((request) => request.state !== 'draft');
  if (notDrafts.length > 0)
    throw new SimwatchError(
      'conflict',
      `Cannot record ${notDrafts.map((request) => request.ref).join(', ')} as sent: already sent`,
    );
  await recordSent(
    deps,
    requests.map((request) => ({ id: request.id, messageId: null })),
    'export',
    sentOn,
    actor,
  );
  return requestsByIds(deps.database.db, input.requestIds);
}

/** A state change as given on a form or the command line. */
export interface StateChangeInput {
  requestRef: string;
  state: string;
  onDay: string;
  exemptions?: readonly string[];
  note?: string | null;
}

/**
 * Records a request's new state on a day. `refused` needs at least one exemption (s.12, s.14 or
 * s.21 to s.44); moves that cannot happen (a draft answered, a withdrawn request reopened) are
 * refused with why. Asking for clarification, or moving back to awaiting a response from it,
 * records the clarification too (as askClarification and answerClarification do).
 */
export async function changeState(
  deps: RegisterDeps,
  input: StateChangeInput,
  actor: string,
): Promise<FoiRequest> {
  const state = checkChoice(input.state, requestStates, 'the state', 'state');
  const onDay = checkDate(input.onDay, 'the day of the change', {
    today: deps.now(),
    field: 'onDay',
  });
  const exemptions = checkExemptions(input.exemptions ?? []);
  const note = input.note?.trim() ? checkLength(input.note.trim(), 'note') : null;
  const id = await changeRequest(deps, input.requestRef, actor, async (trx, request, time) => ({
    events: await decideStateChange(trx, request, { state, onDay, exemptions, note }, actor, time),
    result: request.id,
  }));
  return requestById(deps.database.db, id);
}

/** Records that the authority asked for clarification on a day: the clock stops. */
export async function askClarification(
  deps: RegisterDeps,
  input: { requestRef: string; askedOn: string },
  actor: string,
): Promise<FoiRequest> {
  return changeState(
    deps,
    { requestRef: input.requestRef, state: 'clarification_asked', onDay: input.askedOn },
    actor,
  );
}

/** Records that the clarification was answered on a day: the 20 working days start again. */
export async function answerClarification(
  deps: RegisterDeps,
  input: { requestRef: string; answeredOn: string },
  actor: string,
): Promise<FoiRequest> {
  return changeState(
    deps,
    { requestRef: input.requestRef, state: 'awaiting_response', onDay: input.answeredOn },
    actor,
  );
}

/** A reply to attach, as given on a form or the command line. */
export interface ReplyInput {
  requestRef: string;
  receivedOn: string;
  fileName: string;
  bytes: Uint8Array;
  note?: string | null;
  /** The state the reply puts the request in (e.g. `successful`, `refused`), if it changes it. */
  newState?: string | null;
  exemptions?: readonly string[];
  /** False reads the file without OCR, as `simwatch ingest --no-ocr` (default: the register's setting). */
  ocr?: boolean;
}

/**
 * Attaches a reply: the file is ingested as a document of the request's organisation (screened
 * like any other, type FOI response, its source the request's reference), then one change
 * records the reply and, when given, the request's new state on the day it was received.
 */
export async function attachReply(
  deps: RegisterDeps,
  input: ReplyInput,
  actor: string,
): Promise<{ reply: FoiReply; ingest: IngestResult | null }> {
  const receivedOn = checkDate(input.receivedOn, 'the day the reply was received', {
    today: deps.now(),
    field: 'receivedOn',
  });
  const newState = input.newState?.trim()
    ? checkChoice(input.newState, requestStates, 'the new state', 'newState')
    : null;
  const exemptions = checkExemptions(input.exemptions ?? []);
  const note = input.note?.trim() ? checkLength(input.note.trim(), 'note') : null;
  const request = await getRequestByRef(deps.database.db, input.requestRef);
  if (request.state === 'draft')
    throw new SimwatchError(
      'conflict',
      `Cannot attach a reply to ${request.ref}: it has not been sent`,
    );
  if (request.receivedOn && receivedOn < request.receivedOn)
    throw new SimwatchError(
      'invalid_input',
      `Cannot attach a reply received on ${receivedOn} to ${request.ref}: it was sent on ${request.sentOn}`,
      { field: 'receivedOn' },
    );
  if (newState) {
    const why = whyNotMove(request.state, newState);
    if (why)
      throw new SimwatchError('conflict', `Cannot move ${request.ref} to "${newState}": ${why}`, {
        field: 'newState',
      });
    checkExemptionsFit(newState, exemptions);
  }
  const ingest = await ingestDocument(deps, {
    bytes: input.bytes,
    fileName: input.fileName,
    title: `Reply to ${request.ref} from ${request.organisationName}: ${input.fileName}`,
    organisationCodes: [request.organisationCode],
    docType: 'foi_response',
    documentDate: receivedOn,
    source: request.ref,
    obtained: 'FOI request',
    ...(input.ocr === undefined ? {} : { ocr: input.ocr }),
    actor,
  });
  const kind = replyKind(input.bytes, input.fileName, ingest);
  const replyId = await changeRequest(deps, request.ref, actor, async (trx, current, time) => {
    const id = await nextFoiId(trx, 'foi_replies');
    const events: RegisterEvent[] = [
      {
        type: 'foi.reply-attached',
        payload: {
          reply: {
            id,
            requestId: current.id,
            receivedOn,
            kind,
            documentId: ingest.documentId,
            note,
            recordedBy: actor,
            recordedAt: time,
          },
        },
      },
    ];
    if (newState && newState !== current.state)
      events.push(
        ...(await decideStateChange(
          trx,
          current,
          { state: newState, onDay: receivedOn, exemptions, note },
          actor,
          time,
        )),
      );
    return { events, result: id };
  });
  const [reply] = await readReplies(deps.database.db, { replyId });
  if (!reply) throw new SimwatchError('internal', `Cannot read reply ${replyId} just recorded`);
  return { reply, ingest };
}

/**
 * The request an email answers: by an SW-FOI reference in its subject, text or headers, or by
 * the Message-ID of the request it replies to. Undefined when it names none the register holds.
 */
export async function findRequestForReply(
  deps: RegisterDeps,
  emailBytes: Uint8Array,
): Promise<FoiRequest | undefined> {
  const mail = await simpleParser(Buffer.from(emailBytes));
  const replyingTo = [
    ...(mail.inReplyTo ? [mail.inReplyTo] : []),
    ...(Array.isArray(mail.references)
      ? mail.references
      : mail.references
        ? [mail.references]
        : []),
  ];
  const db = deps.database.db;
  for (const messageId of replyingTo) {
    const id = await findRequestIdByMessageId(db, messageId.trim());
    if (id !== undefined) return requestById(db, id);
  }
  for (const ref of await findRequestRefsInEmail(emailBytes)) {
    const [request] = await readRequests(db, { ref, includeDrafts: true });
    if (request) return request;
  }
  return undefined;
}

/**
 * Records, in one step, a reply as the organisation's assurance that it does not use a feature:
 * given on the day the reply was received, its source the request's reference and its source
 * document the reply's document. Returns the assurance's id.
 */
export async function assuranceFromReply(
  deps: RegisterDeps,
  input: { replyId: number; feature: string; text?: string | null; givenBy?: string | null },
  actor: string,
): Promise<number> {
  const [reply] = await readReplies(deps.database.db, { replyId: input.replyId });
  if (!reply) throw new SimwatchError('not_found', `Cannot find FOI reply ${input.replyId}`);
  const [request] = await readRequests(deps.database.db, {
    ids: [reply.requestId],
    includeDrafts: true,
  });
  if (!request) throw new SimwatchError('internal', `Cannot find the request of reply ${reply.id}`);
  const checked = checkAssurance(
    {
      organisationCode: request.organisationCode,
      givenOn: reply.receivedOn,
      givenBy: input.givenBy?.trim() || `${request.organisationName} (FOI reply)`,
      scope: 'feature_not_used',
      feature: input.feature,
      text:
        input.text?.trim() ||
        `In its reply to FOI request ${request.ref}, received ${reply.receivedOn}, ${request.organisationName} said it does not use ${input.feature}.`,
      sourceDocumentId: reply.documentId,
      source: request.ref,
    },
    deps.now(),
  );
  return recordChange(deps, actor, async (trx) => {
    const event = await decideAssurance(trx, checked, actor);
    return { events: [event], result: event.payload.assurance.id };
  });
}

/**
 * Records what a request shows in a review's return: a refusal is a response (that said
 * nothing of use), citing its exemptions; no reply is no response. Returns the return's id.
 */
export async function recordInReview(
  deps: RegisterDeps,
  input: { requestRef: string; reviewName: string },
  actor: string,
): Promise<number> {
  const request = withDeadline(
    await getRequestByRef(deps.database.db, input.requestRef),
    todayOf(deps.now()),
  );
  if (request.state === 'refused')
    return recordReturn(
      deps,
      {
        reviewName: input.reviewName,
        organisationCode: request.organisationCode,
        responded: true,
        respondedOn: request.respondedOn,
        usedModel: null,
        notes: `Refused FOI request ${request.ref} citing ${request.exemptions.join(', ')}`,
      },
      actor,
    );
  if (request.state === 'awaiting_response')
    return recordReturn(
      deps,
      {
        reviewName: input.reviewName,
        organisationCode: request.organisationCode,
        responded: false,
        notes: `No reply to FOI request ${request.ref} (due ${request.dueOn})`,
      },
      actor,
    );
  throw new SimwatchError(
    'conflict',
    `Cannot record ${request.ref} in a review's return: it is "${requestStateNames[request.state]}"; ` +
      'only a refusal or a request awaiting its reply can be recorded this way (record what a reply said with "simwatch return")',
  );
}

// ---- inside changes ----

/** Makes a change to one request, read again under the record's lock. */
async function changeRequest<T>(
  deps: RegisterDeps,
  ref: string,
  actor: string,
  decide: (
    trx: Db,
    request: FoiRequest,
    time: string,
  ) => Promise<{ events: RegisterEvent[]; result: T }>,
): Promise<T> {
  return recordChange(deps, actor, async (trx, time) =>
    decide(trx, await getRequestByRef(trx, ref), time),
  );
}

/**
 * The events that move a request to a state on a day: the state change, and the clarification
 * asked (moving to `clarification_asked`) or answered (moving back from it).
 */
async function decideStateChange(
  trx: Db,
  request: FoiRequest,
  change: { state: RequestState; onDay: string; exemptions: string[]; note: string | null },
  actor: string,
  time: string,
): Promise<RegisterEvent[]> {
  const { state, onDay } = change;
  const why = whyNotMove(request.state, state);
  if (why)
    throw new SimwatchError('conflict', `Cannot move ${request.ref} to "${state}": ${why}`, {
      field: 'state',
    });
  checkExemptionsFit(state, change.exemptions);
  const since = request.receivedOn ?? request.createdAt.slice(0, 10);
  if (onDay < since)
    throw new SimwatchError(
      'invalid_input',
      `Cannot change ${request.ref} on ${onDay}: that is before it was ${request.receivedOn ? 'sent' : 'drafted'} (${since})`,
      { field: 'onDay' },
    );
  const events: RegisterEvent[] = [];
  if (state === 'clarification_asked')
    events.push({
      type: 'foi.clarification-asked',
      payload: {
        clarification: {
          id: await nextFoiId(trx, 'foi_clarifications'),
          requestId: request.id,
          askedOn: onDay,
        },
      },
    });
  if (request.state === 'clarification_asked') {
    const open = await findOpenClarification(trx, request.id);
    if (open && onDay < open.askedOn)
      throw new SimwatchError(
        'invalid_input',
        `Cannot record the clarification of ${request.ref} answered on ${onDay}: it was asked on ${open.askedOn}`,
        { field: 'onDay' },
      );
    if (open)
      events.push({
        type: 'foi.clarification-answered',
        payload: { clarification: { id: open.id, requestId: request.id, answeredOn: onDay } },
      });
  }
  const keep = change.exemptions.length === 0 && exemptionStates.includes(state);
  events.push({
    type: 'foi.state-changed',
    payload: {
      change: {
        id: await nextFoiId(trx, 'foi_state_changes'),
        requestId: request.id,
        from: request.state,
        to: state,
        onDay,
        exemptions: keep ? request.exemptions : change.exemptions,
        note: change.note,
        changedBy: actor,
        changedAt: time,
      },
    },
  });
  return events;
}

/** Records requests sent on a day (each only while still a draft, checked under the lock). */
async function recordSent(
  deps: RegisterDeps,
  requests: { id: number; messageId: string | null }[],
  via: 'email' | 'export',
  sentOn: string,
  actor: string,
): Promise<void> {
  await recordChange(deps, actor, async (trx, time) => {
    const current = await readRequests(trx, {
      ids: requests.map((r) => r.id),
      includeDrafts: true,
    });
    const sent = current.filter((request) => request.state !== 'draft');
    if (sent.length > 0)
      throw new SimwatchError(
        'conflict',
        `Cannot record ${sent.map((request) => request.ref).join(', ')} as sent: already sent`,
      );
    const firstChange = await nextFoiId(trx, 'foi_state_changes');
    return {
      events: [
        {
          type: 'foi.sent',
          payload: {
            sent: {
              via,
              sentOn,
              receivedOn: sentOn,
              requests: requests.map((request, index) => ({
                ...request,
                stateChangeId: firstChange + index,
              })),
              sentBy: actor,
              sentAt: time,
            },
          },
        },
      ],
      result: undefined,
    };
  });
}

// ---- checks and small helpers ----

function contactEvent(
  organisationId: number,
  email: string,
  source: string | null | undefined,
  actor: string,
  time: string,
): RegisterEvent {
  return {
    type: 'foi.contact-set',
    payload: {
      contact: {
        organisationId,
        email,
        source: source?.trim() || null,
        updatedBy: actor,
        updatedAt: time,
      },
    },
  };
}

function checkEmail(value: string | undefined): string {
  const email = checkText(value, 'the FOI email address', 'email');
  if (!isEmailAddress(email))
    throw new SimwatchError(
      'invalid_input',
      `Cannot use "${email}" as an FOI address: write an email address such as foi@trust.nhs.uk`,
      { field: 'email' },
    );
  return email;
}

function checkLength(value: string, part: keyof typeof foiLimits): string {
  if (value.length > foiLimits[part])
    throw new SimwatchError(
      'invalid_input',
      `Cannot record this: the ${part} must be ${foiLimits[part]} characters or fewer`,
      { field: part },
    );
  return value;
}

function checkExemptions(exemptions: readonly string[]): string[] {
  const checked: string[] = [];
  for (const text of exemptions.flatMap((each) => each.split(',')).filter((e) => e.trim())) {
    const exemption = normaliseExemption(text);
    if (!exemption)
      throw new SimwatchError(
        'invalid_input',
        `Cannot cite "${text.trim()}" as an exemption: write a section of the Freedom of Information Act 2000 such as s.12, s.14, s.40(2) (s.12, s.14 or s.21 to s.44)`,
        { field: 'exemptions' },
      );
    if (!checked.includes(exemption)) checked.push(exemption);
  }
  return checked;
}

function checkExemptionsFit(state: RequestState, exemptions: readonly string[]): void {
  if (state === 'refused' && exemptions.length === 0)
    throw new SimwatchError(
      'invalid_input',
      'Cannot record a refusal without the exemption it cites: give at least one, such as s.12 (cost limit) or s.40(2) (personal data)',
      { field: 'exemptions' },
    );
  if (exemptions.length > 0 && !exemptionStates.includes(state))
    throw new SimwatchError(
      'invalid_input',
      `Cannot cite exemptions for a request that is "${requestStateNames[state]}": only a refusal, a partial success, an internal review or a referral to the ICO cites them`,
      { field: 'exemptions' },
    );
}

function checkRegion(region: string): string {
  const found = findNhsEnglandRegion(region);
  if (!found)
    throw new SimwatchError(
      'invalid_input',
      `Cannot use "${region}" as a region: name one of NHS England's seven regions, such as London or North West`,
      { field: 'region' },
    );
  return found;
}

const kindOfTarget = {
  mental_health_trusts: 'mental_health_trust',
  ambulance_trusts: 'ambulance_trust',
  police_forces: 'police_force',
} as const;

/** The current organisations a batch goes to, by name. */
async function targetOrganisations(
  db: Db,
  target: BatchTarget,
  today: string,
  region: string | undefined,
): Promise<Organisation[]> {
  let chosen: Organisation[];
  if (target.kind === 'organisations') {
    const codes = [...new Set(target.codes.map((code) => code.trim()).filter(Boolean))];
    if (codes.length === 0)
      throw new SimwatchError(
        'invalid_input',
        'Cannot create a batch: name at least one organisation',
        {
          field: 'target',
        },
      );
    chosen = [];
    for (const code of codes) {
      const organisation = await getOrganisationByCode(db, code);
      if (!isCurrentOrganisation(organisation, today))
        throw new SimwatchError(
          'invalid_input',
          `Cannot send a request to ${organisation.name} (${organisation.code}): it closed on ${organisation.closed}` +
            (organisation.successorCodes.length > 0
              ? `; its work passed to ${organisation.successorCodes.join(', ')}`
              : ''),
          { field: 'target' },
        );
      chosen.push(organisation);
    }
  } else {
    const kind = kindOfTarget[target.kind];
    chosen = (await listOrganisations(db)).filter(
      (organisation) => organisation.kind === kind && isCurrentOrganisation(organisation, today),
    );
  }
  if (region)
    chosen = chosen.filter((organisation) => findNhsEnglandRegion(organisation.region) === region);
  if (chosen.length === 0)
    throw new SimwatchError(
      'invalid_input',
      `Cannot create a batch: no current organisation matches${region ? ` in ${region}` : ''} (import them with "simwatch org import" or "simwatch init --organisations england")`,
      { field: 'target' },
    );
  return chosen;
}

function fillOrganisation(body: string, name: string): string {
  return body.replaceAll('{organisation}', name);
}

async function requestById(db: Db, id: number): Promise<FoiRequest> {
  const [request] = await readRequests(db, { ids: [id], includeDrafts: true });
  if (!request) throw new SimwatchError('not_found', `Cannot find FOI request ${requestRef(id)}`);
  return request;
}

async function requestsByIds(db: Db, ids: readonly number[]): Promise<FoiRequest[]> {
  const requests = await readRequests(db, { ids: [...new Set(ids)], includeDrafts: true });
  const missing = ids.filter((id) => !requests.some((request) => request.id === id));
  if (missing.length > 0)
    throw new SimwatchError(
      'not_found',
      `Cannot find FOI request ${missing.map((id) => requestRef(id)).join(', ')}`,
    );
  return requests;
}

async function contactsByCode(db: Db): Promise<Map<string, string>> {
  const contacts = await readContacts(db);
  return new Map([...contacts].map(([code, contact]) => [code, contact.email]));
}

function replyKind(bytes: Uint8Array, fileName: string, ingest: IngestResult): ReplyKind {
  if (ingest.ocrPages > 0) return 'scan';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK\u0003\u0004')) return 'zip';
  if (
    /\.eml$/i.test(fileName) ||
    /^(?:Received|From|Return-Path|MIME-Version|Message-ID|Subject|Date|To):/im.test(head)
  )
    return 'email';
  return 'other';
}

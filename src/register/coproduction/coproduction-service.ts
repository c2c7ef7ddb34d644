import { randomBytes, randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { accountExists } from './account-exists.js';
import { canonicalText, hashText, verifyConsent } from '../../coproduction/consent-statement.js';
import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { todayOf } from '../calendar-date.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { RegisterEvent } from '../register-event.js';
import { checkChoice, checkDate, checkText } from '../validate-input.js';
import {
  draftsOnDissolutionChoices,
  type AccessKind,
  type ActionSubject,
  type Agreement,
  type BindingAction,
  type MeetingKind,
  type NewParty,
  type TextQuote,
} from '../../coproduction/agreement.js';
import {
  currentParties,
  requireActing,
  requireActingFor,
  requireActive,
  requireMember,
  requireNotDissolved,
} from './agreement-membership.js';
import type { ActionRecord, PartyRecord } from './agreement-records.js';
import { carryOutEvent, publishRefusals } from './carry-out-action.js';
import { checkNewParties } from './check-new-party.js';
import { consentStatementFor, subjectHashOf } from './consent-for-action.js';
import {
  getAction,
  getAgreement,
  getJointDocument,
  getVersion,
  listActions,
} from './coproduction-repository.js';
import { verifyAgreedStatement } from './verify-agreed-statement.js';
import { agreedNotPublishedEvent } from './agreed-not-published.js';

/**
 * Co-production's write path. Every function checks, under the record's lock, that the actor is
 * a current member of the right party (who may act, where the action binds), then records one
 * change: a refused call writes nothing.
 */

type Deps = Pick<RegisterDeps, 'database' | 'now' | 'signRecord'>;
type Db = Kysely<DatabaseSchema>;

/** An agreement as set up by an administrator (the route or command checks the role). */
export interface NewAgreement {
  title: string;
  purpose: string;
  principles: string[];
  termsText: string;
  draftsOnDissolution: string;
  parties: NewParty[];
}

/**
 * Sets up an agreement between at least two parties, with action 1: consent to its first terms.
 * It awaits every party's consent to them (then it is active) before anything binding can happen.
 */
export async function createAgreement(
  deps: Deps,
  input: NewAgreement,
  actor: string,
): Promise<{ agreementId: number; ref: string }> {
  const title = checkText(input.title, 'the title', 'title');
  const purpose = checkText(input.purpose, 'the purpose', 'purpose');
  const principles = input.principles.map((each) => each.trim()).filter((each) => each !== '');
  if (principles.length === 0)
    throw new SimwatchError('invalid_input', 'Cannot record this: the principles are missing', {
      field: 'principles',
    });
  const termsText = canonicalText(checkText(input.termsText, 'the terms', 'termsText'));
  const draftsOnDissolution = checkChoice(
    input.draftsOnDissolution,
    draftsOnDissolutionChoices,
    'what happens to drafts on dissolution',
    'draftsOnDissolution',
  );
  if (input.parties.length < 2)
    throw new SimwatchError(
      'invalid_input',
      `Cannot set up an agreement with ${input.parties.length} part${input.parties.length === 1 ? 'y' : 'ies'}: it needs at least two`,
      { field: 'parties' },
    );
  return recordChange(deps, actor, async (trx, time) => {
    const parties = await checkNewParties(trx, input.parties);
    const agreementId = await nextId(trx, 'agreements');
    const firstPartyId = await nextId(trx, 'agreement_parties');
    const actionId = await nextId(trx, 'agreement_actions');
    const ref = randomUUID();
    const partyRecords: PartyRecord[] = parties.map((party, index) => ({
      id: firstPartyId + index,
      agreementId,
      name: party.name,
      organisationCode: party.organisationCode,
      publicKeyPem: party.publicKeyPem,
      keyId: party.keyId,
      joinedAt: time,
      members: party.members,
    }));
    const subject: ActionSubject = { kind: 'change_terms', text: termsText };
    const creatorParty = partyRecords.find((party) =>
      party.members.some((member) => member.username === actor),
    );
    const action: ActionRecord = {
      id: actionId,
      agreementId,
      number: 1,
      kind: 'change_terms',
      subject,
      subjectHash: subjectHashOf(subject),
      effectiveOn: null,
      proposedAt: time,
      proposedBy: actor,
      // 0 when the administrator who set it up is not a member of any party.
      proposedByPartyId: creatorParty?.id ?? 0,
    };
    const event: RegisterEvent = {
      type: 'agreement.created',
      payload: {
        created: {
          agreement: {
            id: agreementId,
            ref,
            title,
            purpose,
            principles,
            draftsOnDissolution,
            createdAt: time,
            createdBy: actor,
          },
          parties: partyRecords,
          terms: {
            agreementId,
            version: 1,
            text: termsText,
            hash: hashText(termsText),
            adoptedAt: null,
            actionId,
          },
          action,
        },
      },
    };
    return { events: [event], result: { agreementId, ref } };
  });
}

/**
 * Adds a member to a party, changes whether they may act, or removes them: only a member who may
 * act for that party may (a party controls its own members only). A party always keeps at least
 * one member who may act.
 */
export async function changeMember(
  deps: Deps,
  input: {
    agreementId: number;
    partyId: number;
    username: string;
    mayAct: boolean;
    remove?: boolean;
  },
  actor: string,
): Promise<void> {
  const username = checkText(input.username, 'the member', 'username');
  const remove = input.remove === true;
  await recordChange(deps, actor, async (trx, time) => {
    const agreement = await getAgreement(trx, input.agreementId);
    const party = requireActingFor(agreement, input.partyId, actor);
    requireNotDissolved(agreement, `change the members of ${party.name}`);
    const current = party.members.find(
      (member) => member.username === username && member.removedAt === null,
    );
    if (remove && current === undefined)
      throw new SimwatchError(
        'conflict',
        `Cannot remove "${username}" from ${party.name}: they are not a member of it`,
      );
    if (!remove) {
      const elsewhere = currentParties(agreement).find(
        (other) =>
          other.id !== party.id &&
          other.members.some((member) => member.username === username && member.removedAt === null),
      );
      if (elsewhere)
        throw new SimwatchError(
          'conflict',
          `Cannot add "${username}" to ${party.name}: they are a member of ${elsewhere.name}`,
        );
      if (!(await accountExists(trx, username)))
        throw new SimwatchError(
          'invalid_input',
          `Cannot add "${username}" to ${party.name}: there is no such account`,
          { field: 'username' },
        );
      if (current && current.mayAct === input.mayAct)
        throw new SimwatchError(
          'conflict',
          `Cannot change "${username}" in ${party.name}: they are already a member who ${input.mayAct ? 'may' : 'may not'} act`,
        );
    }
    const actingAfter = party.members.filter(
      (member) =>
        member.removedAt === null &&
        (member.username === username ? !remove && input.mayAct : member.mayAct),
    );
    if (actingAfter.length === 0)
      throw new SimwatchError(
        'conflict',
        `Cannot change the members of ${party.name}: it would have no member who may act for it`,
      );
    return {
      events: [
        {
          type: 'agreement.member-changed',
          payload: {
            change: {
              partyId: party.id,
              username,
              mayAct: remove ? (current?.mayAct ?? false) : input.mayAct,
              removed: remove,
              changedBy: actor,
              changedAt: time,
            },
          },
        },
      ],
      result: undefined,
    };
  });
}

/** A new joint document (with `title`) or a new version of one (with `documentId`). */
export interface NewVersion {
  agreementId: number;
  documentId?: number;
  title?: string;
  content: string;
  note: string;
  partyId?: number;
}

/** Adds a version (any member, drafting for their own party); its hash is over its canonical text. */
export async function addVersion(
  deps: Deps,
  input: NewVersion,
  actor: string,
): Promise<{ documentId: number; versionNumber: number; hash: string }> {
  const content = canonicalText(input.content);
  if (content === '')
    throw new SimwatchError('invalid_input', 'Cannot record this: the text is missing', {
      field: 'content',
    });
  const hash = hashText(content);
  const note = input.note.trim();
  return recordChange(deps, actor, async (trx, time) => {
    const agreement = await getAgreement(trx, input.agreementId);
    const { party } = requireMember(agreement, actor);
    if (input.partyId !== undefined && input.partyId !== party.id)
      throw new SimwatchError(
        'forbidden',
        `Cannot draft for party ${input.partyId}: you are a member of ${party.name}`,
      );
    requireNotDissolved(agreement, 'add a version');
    let document = null;
    let documentId: number;
    let versionNumber: number;
    if (input.documentId === undefined) {
      const title = checkText(input.title, 'the title of the document', 'title');
      documentId = await nextId(trx, 'agreement_documents');
      versionNumber = 1;
      document = {
        id: documentId,
        agreementId: agreement.id,
        title,
        createdAt: time,
        createdBy: actor,
      };
    } else {
      const existing = await getJointDocument(trx, input.documentId);
      if (existing.agreementId !== agreement.id)
        throw new SimwatchError(
          'not_found',
          `Cannot find joint document ${input.documentId} in agreement ${agreement.id}`,
        );
      const latest = existing.versions[existing.versions.length - 1];
      if (latest?.hash === hash)
        throw new SimwatchError(
          'conflict',
          `Cannot add a version of "${existing.title}": it is the same as version ${latest.number}`,
        );
      documentId = existing.id;
      versionNumber = (latest?.number ?? 0) + 1;
    }
    return {
      events: [
        {
          type: 'agreement.document-versioned',
          payload: {
            versioned: {
              document,
              version: {
                documentId,
                number: versionNumber,
                content,
                hash,
                createdAt: time,
                createdBy: actor,
                partyId: party.id,
                note,
              },
            },
          },
        },
      ],
      result: { documentId, versionNumber, hash },
    };
  });
}

/** Comments on a passage of a version (any member); the quote must occur in that version. */
export async function addComment(
  deps: Deps,
  input: { documentId: number; versionNumber: number; anchor: TextQuote; body: string },
  actor: string,
): Promise<{ commentId: number }> {
  const body = checkText(input.body, 'the comment', 'body');
  if (input.anchor.exact === '')
    throw new SimwatchError('invalid_input', 'Cannot record this: the quoted passage is missing', {
      field: 'anchor',
    });
  return recordChange(deps, actor, async (trx, time) => {
    const document = await getJointDocument(trx, input.documentId);
    const agreement = await getAgreement(trx, document.agreementId);
    const { party } = requireMember(agreement, actor);
    requireNotDissolved(agreement, 'comment');
    const version = await getVersion(trx, document.id, input.versionNumber);
    const { exact, prefix, suffix } = input.anchor;
    if (!version.content.includes(prefix + exact + suffix))
      throw new SimwatchError(
        'invalid_input',
        `Cannot comment on "${exact.slice(0, 60)}": that passage is not in version ${version.number} of "${document.title}"`,
        { field: 'anchor' },
      );
    const commentId = await nextId(trx, 'agreement_comments');
    return {
      events: [
        {
          type: 'agreement.commented',
          payload: {
            comment: {
              id: commentId,
              documentId: document.id,
              versionNumber: version.number,
              partyId: party.id,
              author: actor,
              anchor: { exact, prefix, suffix },
              body,
              createdAt: time,
            },
          },
        },
      ],
      result: { commentId },
    };
  });
}

/** A meeting or decision to record, with the parties present and those told beforehand. */
export interface NewMeeting {
  agreementId: number;
  kind: string;
  heldOn: string;
  title: string;
  summary: string;
  presentPartyIds: number[];
  toldPartyIds: number[];
}

/** Records a meeting or decision (any member): any party in neither list was not told. */
export async function recordMeeting(
  deps: Deps,
  input: NewMeeting,
  actor: string,
): Promise<{ meetingId: number }> {
  const kind: MeetingKind = checkChoice(input.kind, ['meeting', 'decision'], 'the kind', 'kind');
  const heldOn = checkDate(input.heldOn, 'the date it was held', {
    today: deps.now(),
    field: 'heldOn',
  });
  const title = checkText(input.title, 'the title', 'title');
  const summary = checkText(input.summary, 'the summary', 'summary');
  const present = [...new Set(input.presentPartyIds)];
  const told = [...new Set(input.toldPartyIds)];
  if (present.length === 0)
    throw new SimwatchError('invalid_input', 'Cannot record this: no party was present', {
      field: 'presentPartyIds',
    });
  if (told.some((id) => present.includes(id)))
    throw new SimwatchError(
      'invalid_input',
      'Cannot record this: a party is both present and told beforehand (list it as present)',
      { field: 'toldPartyIds' },
    );
  return recordChange(deps, actor, async (trx, time) => {
    const agreement = await getAgreement(trx, input.agreementId);
    requireMember(agreement, actor);
    requireNotDissolved(agreement, 'record a meeting');
    const unknown = [...present, ...told].filter(
      (id) => !agreement.parties.some((party) => party.id === id),
    );
    if (unknown.length > 0)
      throw new SimwatchError(
        'invalid_input',
        `Cannot record this: party ${unknown.join(', ')} is not a party to agreement ${agreement.id}`,
        { field: 'presentPartyIds' },
      );
    const meetingId = await nextId(trx, 'agreement_meetings');
    return {
      events: [
        {
          type: 'agreement.meeting-recorded',
          payload: {
            meeting: {
              id: meetingId,
              agreementId: agreement.id,
              kind,
              heldOn,
              title,
              summary,
              presentPartyIds: present,
              toldPartyIds: told,
              recordedAt: time,
              recordedBy: actor,
            },
          },
        },
      ],
      result: { meetingId },
    };
  });
}

/**
 * Proposes a binding action (a member who may act): it happens only with every party's consent.
 * Publishing needs the date agreed to publish on; no other kind takes one.
 */
export async function proposeAction(
  deps: Deps,
  input: { agreementId: number; subject: ActionSubject; effectiveOn: string | null },
  actor: string,
): Promise<{ actionId: number; number: number }> {
  const effectiveOn =
    input.effectiveOn === null || input.effectiveOn.trim() === ''
      ? null
      : checkDate(input.effectiveOn, 'the date to publish on', {
          today: deps.now(),
          future: true,
          field: 'effectiveOn',
        });
  if (input.subject.kind === 'publish' && effectiveOn === null)
    throw new SimwatchError(
      'invalid_input',
      'Cannot propose to publish: give the date the parties agree to publish on',
      { field: 'effectiveOn' },
    );
  if (input.subject.kind !== 'publish' && effectiveOn !== null)
    throw new SimwatchError(
      'invalid_input',
      `Cannot propose ${input.subject.kind} with a date: only publishing takes one`,
      { field: 'effectiveOn' },
    );
  return recordChange(deps, actor, async (trx, time) => {
    const agreement = await getAgreement(trx, input.agreementId);
    const party = requireActing(agreement, actor);
    requireActive(agreement, 'propose an action');
    const { subject, subjectHash } = await checkSubject(trx, agreement, input.subject);
    const actions = await listActions(trx, agreement.id);
    const number = actions.reduce((max, action) => Math.max(max, action.number), 0) + 1;
    const actionId = await nextId(trx, 'agreement_actions');
    return {
      events: [
        {
          type: 'agreement.action-proposed',
          payload: {
            action: {
              id: actionId,
              agreementId: agreement.id,
              number,
              kind: subject.kind,
              subject,
              subjectHash,
              effectiveOn,
              proposedAt: time,
              proposedBy: actor,
              proposedByPartyId: party.id,
            },
          },
        },
      ],
      result: { actionId, number },
    };
  });
}

async function checkSubject(
  db: Db,
  agreement: Agreement,
  subject: ActionSubject,
): Promise<{ subject: ActionSubject; subjectHash: string }> {
  switch (subject.kind) {
    case 'publish': {
      const document = await getJointDocument(db, subject.documentId);
      if (document.agreementId !== agreement.id)
        throw new SimwatchError(
          'not_found',
          `Cannot find joint document ${subject.documentId} in agreement ${agreement.id}`,
        );
      const version = await getVersion(db, document.id, subject.versionNumber);
      const checked: ActionSubject = {
        kind: 'publish',
        documentId: document.id,
        versionNumber: version.number,
      };
      return {
        subject: checked,
        subjectHash: subjectHashOf(checked, { versionHash: version.hash }),
      };
    }
    case 'change_terms':
    case 'public_statement': {
      const text = canonicalText(subject.text);
      if (text === '')
        throw new SimwatchError('invalid_input', 'Cannot record this: the text is missing', {
          field: 'text',
        });
      if (subject.kind === 'change_terms' && hashText(text) === agreement.terms.hash)
        throw new SimwatchError(
          'conflict',
          'Cannot propose a change of terms: the text is the same as the terms in force',
        );
      const checked: ActionSubject = { kind: subject.kind, text };
      return { subject: checked, subjectHash: subjectHashOf(checked) };
    }
    case 'add_party': {
      const [party] = await checkNewParties(db, [subject.party], currentParties(agreement));
      if (party === undefined) throw new SimwatchError('internal', 'Cannot check the new party');
      const checked: ActionSubject = {
        kind: 'add_party',
        party: {
          name: party.name,
          organisationCode: party.organisationCode,
          publicKeyPem: party.publicKeyPem,
          members: party.members,
        },
      };
      return { subject: checked, subjectHash: subjectHashOf(checked) };
    }
    case 'remove_party': {
      const parties = currentParties(agreement);
      if (!parties.some((party) => party.id === subject.partyId))
        throw new SimwatchError(
          'invalid_input',
          `Cannot propose to remove party ${subject.partyId}: it is not a party to agreement ${agreement.id}`,
          { field: 'partyId' },
        );
      if (parties.length <= 2)
        throw new SimwatchError(
          'conflict',
          'Cannot propose to remove a party: an agreement needs at least two (a party may dissolve it instead)',
        );
      const checked: ActionSubject = { kind: 'remove_party', partyId: subject.partyId };
      return { subject: checked, subjectHash: subjectHashOf(checked, { parties }) };
    }
  }
}

/**
 * Records a party's consent to an action: the signature must be the party's key over the
 * action's consent statement. When the last party consents, any action but a publication is
 * carried out in the same change (a publication waits for its date and for someone to publish).
 */
export async function giveConsent(
  deps: Deps,
  input: { actionId: number; partyId: number; signature: string },
  actor: string,
): Promise<{ consentId: number; carriedOut: boolean; publicationId: number | null }> {
  const signature = input.signature.trim();
  return recordChange(deps, actor, async (trx, time) => {
    const action = await getAction(trx, input.actionId);
    const agreement = await getAgreement(trx, action.agreementId);
    const party = requireActingFor(agreement, input.partyId, actor);
    requireNotDissolved(agreement, 'record consent');
    requireOpenAction(action, 'record consent');
    if (activeConsentOf(action, party.id))
      throw new SimwatchError(
        'conflict',
        `Cannot record consent: ${party.name} has already consented to action ${action.number}`,
      );
    if (!verifyConsent(consentStatementFor(action, agreement), signature, party.publicKeyPem))
      throw new SimwatchError(
        'invalid_input',
        `Cannot record consent: the signature is not ${party.name}'s key (keyId ${party.keyId}) over action ${action.number}'s statement`,
        { field: 'signature' },
      );
    const consentId = await nextId(trx, 'agreement_consents');
    const events: RegisterEvent[] = [
      {
        type: 'agreement.consent-given',
        payload: {
          consent: {
            id: consentId,
            actionId: action.id,
            partyId: party.id,
            givenBy: actor,
            givenAt: time,
            signature,
          },
        },
      },
    ];
    const consenting = new Set([
      party.id,
      ...action.consents.filter((c) => c.withdrawnAt === null).map((c) => c.partyId),
    ]);
    const everyParty = currentParties(agreement).every((each) => consenting.has(each.id));
    let publicationId: number | null = null;
    if (everyParty && action.kind !== 'publish') {
      const withConsent = {
        ...action,
        consents: [
          ...action.consents,
          {
            id: consentId,
            actionId: action.id,
            partyId: party.id,
            givenBy: actor,
            givenAt: time,
            signature,
            withdrawnAt: null,
            withdrawnBy: null,
          },
        ],
      };
      const carried = await carryOutEvent(trx, agreement, withConsent, { time, actor });
      events.push(carried.event);
      publicationId = carried.publicationId;
    }
    return {
      events,
      result: { consentId, carriedOut: everyParty && action.kind !== 'publish', publicationId },
    };
  });
}

/** Withdraws a party's consent (a member who may act for it), until the action is carried out. */
export async function withdrawConsent(
  deps: Deps,
  input: { actionId: number; partyId: number },
  actor: string,
): Promise<void> {
  await recordChange(deps, actor, async (trx, time) => {
    const action = await getAction(trx, input.actionId);
    const agreement = await getAgreement(trx, action.agreementId);
    const party = requireActingFor(agreement, input.partyId, actor);
    requireOpenAction(action, 'withdraw consent');
    const consent = activeConsentOf(action, party.id);
    if (consent === undefined)
      throw new SimwatchError(
        'conflict',
        `Cannot withdraw consent: ${party.name} has no consent to action ${action.number} to withdraw`,
      );
    return {
      events: [
        {
          type: 'agreement.consent-withdrawn',
          payload: {
            withdrawal: {
              consentId: consent.id,
              actionId: action.id,
              partyId: party.id,
              withdrawnAt: time,
              withdrawnBy: actor,
            },
          },
        },
      ],
      result: undefined,
    };
  });
}

/**
 * Publishes an agreed version (any member who may act for any party): on or after the date
 * agreed, and only with every current party's unwithdrawn consent. The refusal names each party
 * missing and why.
 */
export async function carryOutAction(
  deps: Deps,
  input: { actionId: number },
  actor: string,
): Promise<{ publicationId: number | null }> {
  return recordChange(deps, actor, async (trx, time) => {
    const action = await getAction(trx, input.actionId);
    const agreement = await getAgreement(trx, action.agreementId);
    requireActing(agreement, actor);
    requireActive(agreement, `carry out action ${action.number}`);
    requireOpenAction(action, `carry out action ${action.number}`);
    if (action.kind !== 'publish')
      throw new SimwatchError(
        'conflict',
        `Cannot carry out action ${action.number}: a ${action.kind} action is carried out when the last party consents`,
      );
    const today = todayOf(new Date(time));
    if (action.effectiveOn !== null && today < action.effectiveOn)
      throw new SimwatchError(
        'conflict',
        `Cannot publish before ${action.effectiveOn}: that is the date every party agreed to publish on`,
      );
    const refusals = publishRefusals(agreement, action, await listActions(trx, agreement.id));
    if (refusals.length > 0)
      throw new SimwatchError('conflict', `Cannot publish: ${refusals.join('; ')}`);
    const carried = await carryOutEvent(trx, agreement, action, { time, actor });
    return { events: [carried.event], result: { publicationId: carried.publicationId } };
  });
}

/**
 * Publishes a party's signed statement that a version was agreed for publication on a date that
 * passed without it being published: allowed once the date has passed, when every party then in
 * the agreement had consented by that date (withdrawn since or not). Those signatures are the
 * proof; the version's text is not published.
 */
export async function publishAgreedStatement(
  deps: Deps,
  input: { actionId: number; partyId: number; text: string; signature: string },
  actor: string,
): Promise<{ publicationId: number }> {
  if (input.text.trim() === '')
    throw new SimwatchError('invalid_input', 'Cannot record this: the statement is missing', {
      field: 'text',
    });
  return recordChange(deps, actor, async (trx, time) => {
    const action = await getAction(trx, input.actionId);
    const agreement = await getAgreement(trx, action.agreementId);
    const party = requireActingFor(agreement, input.partyId, actor);
    if (!verifyAgreedStatement(agreement, action, input.text, input.signature.trim(), party))
      throw new SimwatchError(
        'invalid_input',
        `Cannot record the statement: the signature is not ${party.name}'s key (keyId ${party.keyId}) over its statement about action ${action.number}`,
        { field: 'signature' },
      );
    const { event, publicationId } = await agreedNotPublishedEvent(trx, {
      agreement,
      action,
      party,
      text: input.text,
      signature: input.signature.trim(),
      time,
      actor,
    });
    return { events: [event], result: { publicationId } };
  });
}

/** Dissolves the agreement (any party, by a member who may act for it): nothing binding follows. */
export async function dissolveAgreement(
  deps: Deps,
  input: { agreementId: number; partyId: number; reason: string },
  actor: string,
): Promise<void> {
  const reason = checkText(input.reason, 'the reason', 'reason');
  await recordChange(deps, actor, async (trx, time) => {
    const agreement = await getAgreement(trx, input.agreementId);
    const party = requireActingFor(agreement, input.partyId, actor);
    requireNotDissolved(agreement, 'dissolve the agreement');
    return {
      events: [
        {
          type: 'agreement.dissolved',
          payload: {
            dissolution: {
              agreementId: agreement.id,
              partyId: party.id,
              reason,
              at: time,
              by: actor,
            },
          },
        },
      ],
      result: undefined,
    };
  });
}

/**
 * Records a member's view or download of a version. A download gets a fresh secret seed: its
 * copy's mark is made from it, so a leaked excerpt can be traced to its recipient.
 */
export async function recordAccess(
  deps: Deps,
  input: { documentId: number; versionNumber: number; kind: AccessKind },
  actor: string,
): Promise<{ accessId: number; markSeed: string | null }> {
  const kind = checkChoice(input.kind, ['view', 'download'] as const, 'the kind of access', 'kind');
  return recordChange(deps, actor, async (trx, time) => {
    const document = await getJointDocument(trx, input.documentId);
    const agreement = await getAgreement(trx, document.agreementId);
    const { party } = requireMember(agreement, actor);
    const version = await getVersion(trx, document.id, input.versionNumber);
    const accessId = await nextId(trx, 'agreement_access');
    const markSeed = kind === 'download' ? randomBytes(32).toString('hex') : null;
    return {
      events: [
        {
          type: 'agreement.accessed',
          payload: {
            access: {
              id: accessId,
              agreementId: agreement.id,
              documentId: document.id,
              versionNumber: version.number,
              username: actor,
              partyId: party.id,
              kind,
              at: time,
              markSeed,
            },
          },
        },
      ],
      result: { accessId, markSeed },
    };
  });
}

function activeConsentOf(action: BindingAction, partyId: number) {
  return action.consents.find(
    (consent) => consent.partyId === partyId && consent.withdrawnAt === null,
  );
}

function requireOpenAction(action: BindingAction, what: string): void {
  if (action.carriedOutAt !== null)
    throw new SimwatchError(
      'conflict',
      `Cannot ${what}: action ${action.number} was carried out on ${action.carriedOutAt.slice(0, 10)}`,
    );
}

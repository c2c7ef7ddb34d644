import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { todayOf } from '../calendar-date.js';
import { nextId } from '../record-change.js';
import type { RegisterEvent } from '../register-event.js';
import type { Agreement, BindingAction, Consent, Party } from '../../coproduction/agreement.js';
import { publicSignature } from './carry-out-action.js';

/**
 * The parties whose consent proves a version was agreed for publication on `effectiveOn`: those
 * in the agreement on that day. Each must have consented on or before it (withdrawn since or not).
 */
export function partiesOnDate(agreement: Agreement, effectiveOn: string): Party[] {
  return agreement.parties.filter(
    (party) =>
      party.joinedAt.slice(0, 10) <= effectiveOn &&
      (party.leftAt === null || party.leftAt.slice(0, 10) > effectiveOn),
  );
}

/**
 * The `agreement.statement-published` event for a party's statement that a version was agreed
 * but not published by the date agreed, after checking that the date has passed, that the
 * version was not published, and that every party had consented by then. Throws `conflict`.
 */
export async function agreedNotPublishedEvent(
  db: Kysely<DatabaseSchema>,
  input: {
    agreement: Agreement;
    action: BindingAction;
    party: Party;
    text: string;
    signature: string;
    time: string;
    actor: string;
  },
): Promise<{ event: RegisterEvent; publicationId: number }> {
  const { agreement, action, party } = input;
  const subject = action.subject;
  if (subject.kind !== 'publish' || action.effectiveOn === null)
    throw new SimwatchError(
      'conflict',
      `Cannot state that action ${action.number} was agreed: it is not the publication of a version`,
    );
  const refuse = (why: string) =>
    new SimwatchError(
      'conflict',
      `Cannot state that version ${subject.versionNumber} was agreed: ${why}`,
    );
  if (todayOf(new Date(input.time)) <= action.effectiveOn)
    throw refuse(`the date agreed to publish on, ${action.effectiveOn}, has not passed`);
  const published = await db
    .selectFrom('agreement_publications')
    .select(['published_at'])
    .where('kind', '=', 'version')
    .where('document_id', '=', subject.documentId)
    .where('version_number', '=', subject.versionNumber)
    .executeTakeFirst();
  if (action.carriedOutAt !== null || published !== undefined)
    throw refuse(
      `it was published on ${(action.carriedOutAt ?? published?.published_at ?? '').slice(0, 10)}`,
    );
  const already = await db
    .selectFrom('agreement_publications')
    .select('id')
    .where('kind', '=', 'agreed_not_published')
    .where('action_id', '=', action.id)
    .where('statement_party_id', '=', party.id)
    .executeTakeFirst();
  if (already !== undefined)
    throw refuse(`${party.name} has already published its statement (publication ${already.id})`);
  const proof: { party: Party; consent: Consent }[] = [];
  const missing: string[] = [];
  const effectiveOn = action.effectiveOn;
  for (const each of partiesOnDate(agreement, effectiveOn)) {
    const consent = action.consents
      .filter((c) => c.partyId === each.id && c.givenAt.slice(0, 10) <= effectiveOn)
      .pop();
    if (consent) proof.push({ party: each, consent });
    else missing.push(each.name);
  }
  if (missing.length > 0)
    throw refuse(
      `${missing.join(' and ')} had not consented to publishing it by ${action.effectiveOn}`,
    );
  const publicationId = await nextId(db, 'agreement_publications');
  return {
    publicationId,
    event: {
      type: 'agreement.statement-published',
      payload: {
        publication: {
          id: publicationId,
          agreementId: agreement.id,
          kind: 'agreed_not_published',
          actionId: action.id,
          documentId: subject.documentId,
          documentTitle: (
            await db
              .selectFrom('agreement_documents')
              .select('title')
              .where('id', '=', subject.documentId)
              .executeTakeFirstOrThrow()
          ).title,
          versionNumber: subject.versionNumber,
          subjectHash: action.subjectHash,
          effectiveOn: action.effectiveOn,
          text: null,
          statement: {
            partyId: party.id,
            partyName: party.name,
            text: input.text,
            signature: input.signature,
          },
          signatures: proof.map(({ party: p, consent }) => publicSignature(p, consent)),
          publishedAt: input.time,
          publishedBy: input.actor,
        },
      },
    },
  };
}

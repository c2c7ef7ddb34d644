import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import {
  checkAssurance,
  decideAssurance,
  type AssuranceInput,
} from '../assurances/assurances-service.js';
import { ingestDocument } from '../documents/ingest-document.js';
import { getOrganisationByCode } from '../organisations/organisations-repository.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { RegisterEvent } from '../register-event.js';
import { checkDate, checkText } from '../validate-input.js';
import { answerKinds, type AnswerKind } from './response.js';

/** The longest a response's parts may be (far above any real one). */
export const responseLimits = { name: 200, role: 200, text: 50_000 } as const;

/** A response as given on a form or the command line. */
export interface ResponseInput {
  organisationCode: string;
  responderName: string;
  responderRole: string;
  receivedOn: string;
  text: string;
  answers: { kind: string; id: number };
  /** Files it came with: each is ingested as a document of the organisation first. */
  attachments?: { path: string; fileName: string }[];
  /**
   * When the response gives an assurance (that the organisation does not use, or has stopped
   * using, the model or a feature): what it assures. The assurance is recorded with the
   * response, in the same change, with the response as its source.
   */
  assurance?: Pick<AssuranceInput, 'scope' | 'scopeDate' | 'feature'> | null;
}

/** What recording a response made: its id, its documents' ids and its assurance's id. */
export interface RecordedResponse {
  responseId: number;
  documentIds: number[];
  assuranceId: number | null;
}

/**
 * Records an organisation's response to evidence about it. Its files are ingested (screened like
 * any document, as documents of the organisation), then one change records the response and,
 * when it gives one, its assurance, so the assurance counts in the status rules from then on.
 */
export async function recordResponse(
  deps: RegisterDeps,
  input: ResponseInput,
  actor: string,
): Promise<RecordedResponse> {
  const today = deps.now();
  const responderName = checkLength(
    checkText(input.responderName, 'the name of who sent it', 'responderName'),
    responseLimits.name,
    'The name of who sent it',
    'responderName',
  );
  const responderRole = checkLength(
    checkText(input.responderRole, 'their role at the organisation', 'responderRole'),
    responseLimits.role,
    'Their role',
    'responderRole',
  );
  const receivedOn = checkDate(input.receivedOn, 'the date it was received', {
    today,
    field: 'receivedOn',
  });
  const text = checkLength(
    checkText(input.text, 'the text of the response', 'text'),
    responseLimits.text,
    'The text of the response',
    'text',
  );
  const kind = answerKinds.find((each) => each === input.answers.kind);
  if (kind === undefined)
    throw new SimwatchError(
      'invalid_input',
      `Cannot use "${input.answers.kind}" as what the response answers: choose one of ${answerKinds.join(', ')}`,
      { field: 'answers' },
    );
  const answers = { kind, id: input.answers.id };
  // Checked before any file is ingested, so a bad response leaves nothing behind.
  const assurance = input.assurance
    ? checkAssurance(
        {
          organisationCode: input.organisationCode,
          givenOn: receivedOn,
          givenBy: `${responderName}, ${responderRole}`,
          text,
          source: 'simwatch response',
          ...input.assurance,
        },
        today,
      )
    : null;
  const organisation = await getOrganisationByCode(deps.database.db, input.organisationCode);
  await checkAnswers(deps.database.db, organisation.id, answers);

  const documentIds: number[] = [];
  for (const file of input.attachments ?? []) {
    const ingested = await ingestDocument(deps, {
      path: file.path,
      fileName: file.fileName,
      title: `Response from ${organisation.name}: ${file.fileName}`,
      organisationCodes: [organisation.code],
      docType: 'correspondence',
      documentDate: receivedOn,
      source: `Response from ${responderName}, ${responderRole}`,
      actor,
    });
    if (!documentIds.includes(ingested.documentId)) documentIds.push(ingested.documentId);
  }

  return recordChange(deps, actor, async (trx, time) => {
    // Checked again under the record's lock: what it answers must still be there.
    await checkAnswers(trx, organisation.id, answers);
    const id = await nextId(trx, 'responses');
    const events: RegisterEvent[] = [];
    let assuranceId: number | null = null;
    if (assurance) {
      const event = await decideAssurance(
        trx,
        {
          ...assurance,
          sourceDocumentId: documentIds[0] ?? null,
          source: `Response ${id} from ${responderName}, ${responderRole}, received ${receivedOn}`,
        },
        actor,
      );
      assuranceId = event.payload.assurance.id;
      events.push(event);
    }
    events.push({
      type: 'response.recorded',
      payload: {
        response: {
          id,
          organisationId: organisation.id,
          responderName,
          responderRole,
          receivedOn,
          text,
          answers,
          documentIds,
          assuranceId,
          recordedBy: actor,
          recordedAt: time,
        },
      },
    });
    return { events, result: { responseId: id, documentIds, assuranceId } };
  });
}

/**
 * Checks that what a response answers is the organisation's: a confirmed finding in one of its
 * documents, one of its documents, or one of its assurances or returns.
 */
async function checkAnswers(
  db: Kysely<DatabaseSchema>,
  organisationId: number,
  answers: { kind: AnswerKind; id: number },
): Promise<void> {
  const { kind, id } = answers;
  let found: unknown;
  if (kind === 'finding')
    found = await db
      .selectFrom('findings')
      .innerJoin(
        'document_organisations',
        'document_organisations.document_id',
        'findings.document_id',
      )
      .select('findings.id')
      .where('findings.id', '=', id)
      .where('findings.status', '=', 'confirmed')
      .where('document_organisations.organisation_id', '=', organisationId)
      .executeTakeFirst();
  else if (kind === 'document')
    found = await db
      .selectFrom('document_organisations')
      .select('document_id')
      .where('document_id', '=', id)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
  else
    found = await db
      .selectFrom(kind === 'assurance' ? 'assurances' : 'review_returns')
      .select('id')
      .where('id', '=', id)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst();
  if (found === undefined)
    throw new SimwatchError(
      'not_found',
      kind === 'finding'
        ? `Cannot find confirmed finding ${id} in a document of this organisation: a response answers confirmed evidence`
        : `Cannot find ${kind} ${id} of this organisation`,
      { field: 'answers' },
    );
}

function checkLength(value: string, limit: number, what: string, field: string): string {
  if (value.length > limit)
    throw new SimwatchError('invalid_input', `${what} must be ${limit} characters or fewer`, {
      field,
    });
  return value;
}

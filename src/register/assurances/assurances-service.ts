import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import type { AssuranceRecord, RegisterEvent } from '../register-event.js';
import { getOrganisationByCode } from '../organisations/organisations-repository.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import { features, type AssuranceScope } from '../status/register-facts.js';
import { checkChoice, checkDate, checkOptionalDate, checkText } from '../validate-input.js';
import { documentExists } from '../documents/documents-repository.js';
import { findAssuranceOfFinding, findFindingForAssurance } from './assurances-repository.js';

/** What an assurance can claim. */
export const assuranceScopes: readonly AssuranceScope[] = [
  'never_used',
  'ended',
  'will_end',
  'feature_not_used',
];

/** An assurance as given on the command line or a form. */
export interface AssuranceInput {
  organisationCode: string;
  givenOn: string;
  givenBy: string;
  scope: string;
  /** The date use ended (scope `ended`) or will end (`will_end`). */
  scopeDate?: string | null;
  /** The feature said not to be used (scope `feature_not_used`). */
  feature?: string | null;
  text: string;
  /** The register's document that records the assurance... */
  sourceDocumentId?: number | null;
  /** ...or a URL or reference where it can be read. One of the two is required. */
  source?: string | null;
  /** The confirmed finding, labelled `assurance`, it is recorded from (at most once each). */
  findingId?: number | null;
}

/** An assurance whose values have been checked, before its organisation is looked up. */
export type CheckedAssurance = Omit<AssuranceRecord, 'id' | 'organisationId' | 'recordedBy'> & {
  organisationCode: string;
};

/** Records an assurance an organisation gave. Every assurance needs a source. */
export async function recordAssurance(
  deps: RegisterDeps,
  input: AssuranceInput,
  actor: string,
): Promise<number> {
  const checked = checkAssurance(input, deps.now());
  return recordChange(deps, actor, async (trx) => {
    const event = await decideAssurance(trx, checked, actor);
    return { events: [event], result: event.payload.assurance.id };
  });
}

/**
 * Checks an assurance's values (dates, scope, feature, text, that it has a source); throws an
 * `invalid_input` error naming the field otherwise.
 */
export function checkAssurance(input: AssuranceInput, today: Date): CheckedAssurance {
  const scope = checkChoice(input.scope, assuranceScopes, 'scope', 'scope');
  const givenOn = checkDate(input.givenOn, 'the date given', { today, field: 'givenOn' });
  const scopeDate = checkOptionalDate(input.scopeDate, 'the scope date', {
    today,
    future: scope === 'will_end',
    field: 'scopeDate',
  });
  if ((scope === 'will_end' || scope === 'ended') && scopeDate === null)
    throw new SimwatchError(
      'invalid_input',
      `Cannot record an assurance of scope ${scope} without the date it ended or will end`,
      { field: 'scopeDate' },
    );
  const feature =
    scope === 'feature_not_used'
      ? checkChoice(input.feature ?? '', features, 'feature', 'feature')
      : input.feature
        ? checkChoice(input.feature, features, 'feature', 'feature')
        : null;
  const text = checkText(input.text, 'the text of the assurance', 'text');
  const givenBy = checkText(input.givenBy, 'who gave it', 'givenBy');
  const source = input.source?.trim() || null;
  if (!input.sourceDocumentId && !source)
    throw new SimwatchError(
      'invalid_input',
      'Cannot record an assurance without a source: give the document it is in, or a URL or reference where it can be read',
      { field: 'source' },
    );
  return {
    organisationCode: input.organisationCode,
    givenOn,
    givenBy,
    scope,
    scopeDate,
    feature,
    text,
    sourceDocumentId: input.sourceDocumentId ?? null,
    source,
    ...(input.findingId ? { findingId: input.findingId } : {}),
  };
}

/**
 * The event that records a checked assurance, inside a change (which holds the record's lock):
 * for `recordAssurance`, and for a response that gives an assurance (see responses-service).
 */
export async function decideAssurance(
  trx: Kysely<DatabaseSchema>,
  checked: CheckedAssurance,
  actor: string,
): Promise<Extract<RegisterEvent, { type: 'assurance.recorded' }>> {
  const { organisationCode, ...values } = checked;
  const organisation = await getOrganisationByCode(trx, organisationCode);
  if (values.sourceDocumentId && !(await documentExists(trx, values.sourceDocumentId)))
    throw new SimwatchError(
      'not_found',
      `Cannot find document ${values.sourceDocumentId} as the source`,
    );
  if (values.findingId) await checkFinding(trx, values.findingId);
  const id = await nextId(trx, 'assurances');
  return {
    type: 'assurance.recorded',
    payload: { assurance: { id, organisationId: organisation.id, ...values, recordedBy: actor } },
  };
}

/** A finding becomes an assurance once: when it is confirmed and labelled `assurance`. */
async function checkFinding(trx: Kysely<DatabaseSchema>, findingId: number): Promise<void> {
  const finding = await findFindingForAssurance(trx, findingId);
  if (!finding) throw new SimwatchError('not_found', `Cannot find finding ${findingId}`);
  if (finding.label !== 'assurance' || finding.status !== 'confirmed')
    throw new SimwatchError(
      'invalid_input',
      `Cannot record finding ${findingId} as an assurance: only a confirmed finding labelled "assurance" can be`,
      { field: 'findingId' },
    );
  const recorded = await findAssuranceOfFinding(trx, findingId);
  if (recorded)
    throw new SimwatchError(
      'conflict',
      `Cannot record finding ${findingId} as an assurance again: it is assurance ${recorded.id}`,
    );
}

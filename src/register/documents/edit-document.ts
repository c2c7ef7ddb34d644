import { SimwatchError } from '../../errors.js';
import { getOrganisationByCode } from '../organisations/organisations-repository.js';
import { recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { DocumentEditRecord, DocumentFieldChanges } from '../register-event.js';
import { checkOptionalDate, checkText } from '../validate-input.js';
import { getDocumentDetails } from './documents-repository.js';

/** A correction to make: each detail given is set (null clears a date or source); others stay. */
export interface DocumentEditInput {
  documentId: number;
  title?: string;
  documentDate?: string | null;
  source?: string | null;
  public?: boolean;
  linkOrganisationCodes?: readonly string[];
  unlinkOrganisationCodes?: readonly string[];
  /** Why the details were wrong: kept in the record and shown in the history. */
  reason: string;
}

const maxTitle = 300;
const maxSource = 1000;

/**
 * Corrects a document's title, date, source, public/private state or organisation links, as one
 * `document.edited` event saying who and why. Statuses follow, as they are derived from the
 * documents' dates and links. Refuses an edit that would change nothing, and one that would leave
 * the document linked to no organisation.
 */
export async function editDocument(
  deps: RegisterDeps,
  input: DocumentEditInput,
  actor: string,
): Promise<DocumentEditRecord> {
  const editedBy = checkText(actor, 'who made the correction');
  const reason = checkText(input.reason, 'the reason for the correction');
  const title = input.title === undefined ? undefined : checkText(input.title, 'the title');
  if (title !== undefined && title.length > maxTitle)
    throw invalid(`Cannot use this title: it is longer than ${maxTitle} characters`);
  const documentDate =
    input.documentDate === undefined
      ? undefined
      : checkOptionalDate(input.documentDate, 'the document date', { today: deps.now() });
  const source = input.source === undefined ? undefined : input.source?.trim() || null;
  if (source && source.length > maxSource)
    throw invalid(`Cannot use this source: it is longer than ${maxSource} characters`);
  const linkCodes = [...new Set(input.linkOrganisationCodes?.map((code) => code.trim()) ?? [])];
  const unlinkCodes = [...new Set(input.unlinkOrganisationCodes?.map((code) => code.trim()) ?? [])];
  const both = linkCodes.find((code) => unlinkCodes.includes(code));
  if (both !== undefined)
    throw invalid(`Cannot both link and unlink organisation "${both}" in one correction`);

  return recordChange(deps, editedBy, async (trx, time) => {
    const before = await getDocumentDetails(trx, input.documentId);
    const linkedIds = new Set(before.organisations.map((organisation) => organisation.id));
    const added: number[] = [];
    for (const code of linkCodes) {
      const organisation = await getOrganisationByCode(trx, code);
      if (!linkedIds.has(organisation.id)) added.push(organisation.id);
    }
    const removed: number[] = [];
    for (const code of unlinkCodes) {
      const organisation = await getOrganisationByCode(trx, code);
      if (!linkedIds.has(organisation.id))
        throw invalid(
          `Cannot unlink organisation "${code}": document ${before.id} is not linked to it`,
        );
      removed.push(organisation.id);
    }
    if (linkedIds.size + added.length - removed.length === 0)
      throw invalid(
        `Cannot unlink every organisation from document ${before.id}: a document stays linked to at least one`,
      );
    const changes: DocumentFieldChanges = {};
    if (title !== undefined && title !== before.title)
      changes.title = { from: before.title, to: title };
    if (documentDate !== undefined && documentDate !== before.documentDate)
      changes.documentDate = { from: before.documentDate, to: documentDate };
    if (source !== undefined && source !== before.source)
      changes.source = { from: before.source, to: source };
    if (input.public !== undefined && input.public !== before.public)
      changes.public = { from: before.public, to: input.public };
    if (Object.keys(changes).length === 0 && added.length === 0 && removed.length === 0)
      throw invalid(`Cannot correct document ${before.id}: nothing would change`);
    const edit: DocumentEditRecord = {
      documentId: before.id,
      changes,
      addedOrganisationIds: added,
      removedOrganisationIds: removed,
      reason,
      editedBy,
      editedAt: time,
    };
    return { events: [{ type: 'document.edited', payload: { edit } }], result: edit };
  });
}

function invalid(message: string): SimwatchError {
  return new SimwatchError('invalid_input', message);
}

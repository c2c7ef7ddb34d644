// Requests leave simwatch by email or as files: a CSV to make a batch request on WhatDoTheyKnow
// (which sends and publishes it), and a plain CSV of every field for spreadsheets.

import { csvRow } from '../../format/csv-row.js';
import type { FoiRequest, FoiRequestWithDeadline } from '../foi-request.js';
import { requestText } from './foi-sender.js';

/** What a WhatDoTheyKnow batch needs of each request. */
export type WhatDoTheyKnowRequest = Pick<
  FoiRequest,
  'ref' | 'organisationCode' | 'organisationName' | 'subject' | 'body'
>;

/**
 * One row per authority: its name (to find it on WhatDoTheyKnow), its ODS code, the subject, the
 * text to paste (WhatDoTheyKnow adds "Dear ..." and the sign-off itself; the text ends with the
 * simwatch reference, so replies published there can be matched back), and the reference.
 */
export function exportWhatDoTheyKnowBatch(requests: readonly WhatDoTheyKnowRequest[]): string {
  return [
    csvRow(['authority_name', 'ods_code', 'subject', 'body', 'simwatch_reference']),
    ...requests.map((request) =>
      csvRow([
        request.organisationName,
        request.organisationCode,
        request.subject,
        requestText(request.body, request.ref),
        request.ref,
      ]),
    ),
  ].join('');
}

/** A request with, when known, what is derived from it on the day of the export. */
export type ExportedRequest = FoiRequest &
  Partial<
    Pick<FoiRequestWithDeadline, 'dueOn' | 'longOverdueOn' | 'timeliness' | 'workingDaysOverdue'>
  >;

/** Every request field as CSV, one row per request; exemptions joined with `;`, clarifications as `asked:answered`. */
export function exportRequestsCsv(requests: readonly ExportedRequest[]): string {
  return [
    csvRow([
      'reference',
      'organisation_code',
      'organisation_name',
      'subject',
      'state',
      'sent_on',
      'sent_via',
      'received_on',
      'clarifications',
      'due_on',
      'long_overdue_on',
      'timeliness',
      'working_days_overdue',
      'responded_on',
      'exemptions',
      'message_id',
      'body',
    ]),
    ...requests.map((request) =>
      csvRow([
        request.ref,
        request.organisationCode,
        request.organisationName,
        request.subject,
        request.state,
        request.sentOn,
        request.sentVia,
        request.receivedOn,
        request.clarifications
          .map((clarification) => `${clarification.askedOn}:${clarification.answeredOn ?? ''}`)
          .join(';'),
        request.dueOn ?? null,
        request.longOverdueOn ?? null,
        request.timeliness ?? null,
        request.workingDaysOverdue ?? null,
        request.respondedOn,
        request.exemptions.join(';'),
        request.messageId,
        request.body,
      ]),
    ),
  ].join('');
}

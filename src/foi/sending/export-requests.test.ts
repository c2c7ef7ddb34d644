import { describe, expect, it } from 'vitest';

import { parseCsv } from '../../cli/test-support/parse-csv.js';
import type { FoiRequest } from '../foi-request.js';
import { exportRequestsCsv, exportWhatDoTheyKnowBatch } from './export-requests.js';

const sent: FoiRequest = {
  id: 12,
  ref: 'SW-FOI-000012',
  batchId: 1,
  organisationCode: 'RXT',
  organisationName: 'Birmingham and Solihull Mental Health NHS Foundation Trust',
  subject: 'Police, "SIM" and care plans',
  body: 'Please tell me, for 2025:\n1. whether police officers attend care planning meetings',
  state: 'refused',
  exemptions: ['s.12', 's.40(2)'],
  sentOn: '2026-03-02',
  sentVia: 'email',
  messageId: '<SW-FOI-000012.x@research.example.org>',
  receivedOn: '2026-03-02',
  clarifications: [{ askedOn: '2026-03-04', answeredOn: '2026-03-05' }],
  respondedOn: '2026-03-30',
  createdBy: 'alex',
  createdAt: '2026-03-01T09:00:00.000Z',
};
const draft: FoiRequest = {
  ...sent,
  id: 13,
  ref: 'SW-FOI-000013',
  organisationCode: 'RRP',
  organisationName: 'Barnet, Enfield and Haringey Mental Health NHS Trust',
  body: '=HYPERLINK("http://evil")',
  state: 'draft',
  exemptions: [],
  sentOn: null,
  sentVia: null,
  messageId: null,
  receivedOn: null,
  clarifications: [],
  respondedOn: null,
};

describe('exportWhatDoTheyKnowBatch()', () => {
  it('gives one row per authority with the text to paste, ending with the simwatch reference', () => {
    const rows = parseCsv(exportWhatDoTheyKnowBatch([sent, draft]));
    expect(rows[0]).toEqual([
      'authority_name',
      'ods_code',
      'subject',
      'body',
      'simwatch_reference',
    ]);
    expect(rows).toHaveLength(3);
    const [name, code, subject, body, ref] = rows[1] ?? [];
    expect([name, code, subject, ref]).toEqual([
      'Birmingham and Solihull Mental Health NHS Foundation Trust',
      'RXT',
      'Police, "SIM" and care plans',
      'SW-FOI-000012',
    ]);
    expect(body).toMatch(/^Please tell me, for 2025:\n1\. whether police officers/);
    expect(body).toContain('Reference: SW-FOI-000012 (please quote it in your reply)');
    expect(body).not.toMatch(/^Dear/);
  });

  it('keeps a spreadsheet from running a body as a formula', () => {
    const rows = parseCsv(exportWhatDoTheyKnowBatch([draft]));
    expect(rows[1]?.[3]?.startsWith("'=HYPERLINK")).toBe(true);
  });
});

describe('exportRequestsCsv()', () => {
  it('gives every field, with deadlines when known', () => {
    const rows = parseCsv(
      exportRequestsCsv([
        {
          ...sent,
          dueOn: '2026-04-02',
          longOverdueOn: '2026-05-05',
          timeliness: 'not_running',
          workingDaysOverdue: 0,
        },
        draft,
      ]),
    );
    const header = rows[0] ?? [];
    const record = (row: string[] | undefined) =>
      Object.fromEntries(header.map((name, index) => [name, row?.[index]]));
    expect(record(rows[1])).toMatchObject({
      reference: 'SW-FOI-000012',
      organisation_code: 'RXT',
      state: 'refused',
      sent_on: '2026-03-02',
      sent_via: 'email',
      clarifications: '2026-03-04:2026-03-05',
      due_on: '2026-04-02',
      long_overdue_on: '2026-05-05',
      timeliness: 'not_running',
      working_days_overdue: '0',
      responded_on: '2026-03-30',
      exemptions: 's.12;s.40(2)',
    });
    expect(record(rows[2])).toMatchObject({
      reference: 'SW-FOI-000013',
      state: 'draft',
      sent_on: '',
      due_on: '',
      exemptions: '',
    });
  });
});

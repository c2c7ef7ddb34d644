import { describe, expect, it } from 'vitest';

import type {
  ChangeEvent,
  ChangeLookups,
} from '../../register/changes/change-events-repository.js';
import { describeRecentChanges } from './recent-changes.js';

const lookups: ChangeLookups = {
  organisationsByCode: new Map([['T1', { name: 'Example Trust' }]]),
  documents: new Map([[4, { title: 'Board paper' }]]),
  findings: new Map([
    [
      10,
      {
        label: 'police_in_care',
        documentId: 4,
        documentTitle: 'Board paper',
        page: 3,
        status: 'confirmed',
      },
    ],
    [
      11,
      {
        label: 'sim_named',
        documentId: 4,
        documentTitle: 'Board paper',
        page: null,
        status: 'pending',
      },
    ],
  ]),
  decisions: new Map([
    [
      10,
      [
        { id: 1, reviewer: 'A', decision: 'confirm' },
        { id: 2, reviewer: 'B', decision: 'confirm' },
      ],
    ],
    [11, [{ id: 3, reviewer: 'A', decision: 'confirm' }]],
  ]),
  assurances: new Map([[5, { organisationCode: 'T1', organisationName: 'Example Trust' }]]),
  returns: new Map([
    [
      6,
      {
        organisationCode: 'T1',
        organisationName: 'Example Trust',
        reviewName: 'the 2021 review',
        responded: false,
      },
    ],
  ]),
  reviews: new Map([[1, { name: 'the 2021 review' }]]),
};

function event(type: string, ref: number | null, detail: string | null = null): ChangeEvent {
  return { seq: 1, time: '2026-03-05T10:00:00.000Z', type, ref, detail };
}

describe('describeRecentChanges()', () => {
  it.each([
    [
      event('organisations.imported', 1, 'T1'),
      'Organisation added: Example Trust',
      '/organisations/T1',
    ],
    [
      event('organisations.imported', 12, 'T1'),
      '12 organisations added to the register',
      '/organisations',
    ],
    [event('document.ingested', 4), 'Document added: Board paper', '/documents/4'],
    [
      event('finding.decided', 10, '2'),
      'Evidence confirmed: police in care planning in "Board paper"',
      '/documents/4#page-3',
    ],
    [
      event('assurance.recorded', 5),
      'Assurance recorded: Example Trust',
      '/organisations/T1#assurance-5',
    ],
    [
      event('return.recorded', 6),
      'Return recorded: Example Trust did not respond to the 2021 review',
      '/organisations/T1#return-6',
    ],
    [event('review.created', 1), 'Review opened: the 2021 review', null],
  ])('describes %j', (change, text, href) => {
    expect(describeRecentChanges([change], lookups)).toEqual([
      { time: '2026-03-05T10:00:00.000Z', text, href },
    ]);
  });

  it.each([
    ['the first of two confirmations', event('finding.decided', 10, '1')],
    ['the confirmation of a finding that is still pending', event('finding.decided', 11, '3')],
    ['a finding it cannot find', event('finding.decided', 12, '9')],
    ['a document it cannot find', event('document.ingested', 99)],
    ['an event without a subject', event('document.ingested', null)],
    ['an event it does not describe', event('organisation.linked', 1)],
  ])('leaves out %s', (_name, change) => {
    expect(describeRecentChanges([change], lookups)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';

import { feedEntryOf, type FeedSite } from './feed-entries.js';
import type { FeedAssurance, FeedEvidence } from '../../register/changes/feed-items-repository.js';
import { stableUrn } from './stable-urn.js';

const site: FeedSite = { baseUrl: 'https://register.example', registerIdentity: 'abc' };

const evidence: FeedEvidence = {
  kind: 'evidence',
  time: '2024-05-01T10:00:00.000Z',
  findingId: 12,
  feature: 'police_in_care',
  excerpt: 'Mr John Example (telephone 01632 960 123) said a police officer attends every meeting.',
  page: 2,
  documentId: 7,
  documentTitle: 'Board paper',
  documentDate: '2023-04-01',
  organisations: [
    { code: 'DEMO-T01', name: 'Ashdown Trust' },
    { code: 'DEMO-P01', name: 'Ashdown Police' },
  ],
};

const assurance: FeedAssurance = {
  kind: 'assurance',
  time: '2024-06-01T09:00:00.000Z',
  assuranceId: 3,
  givenOn: '2022-01-10',
  givenBy: 'Chief Executive',
  scope: 'ended',
  scopeDate: '2021-12-31',
  feature: null,
  text: 'The scheme ended. Contact jo@example.org for details.',
  organisation: { code: 'DEMO T/02', name: 'Brook Trust' },
};

describe('feedEntryOf()', () => {
  it('links evidence to its document and organisation, with the excerpt redacted', () => {
    const entry = feedEntryOf(evidence, site);
    expect(entry).toMatchObject({
      id: stableUrn('abc', 'evidence/12'),
      title: 'Confirmed evidence of police in care planning: Ashdown Trust, Ashdown Police',
      updated: '2024-05-01T10:00:00.000Z',
      url: 'https://register.example/documents/7/findings/12',
      relatedUrl: 'https://register.example/organisations/DEMO-T01',
      categories: ['evidence', 'police_in_care'],
    });
    expect(entry.summary).toBe(
      '"Mr [name removed] (telephone [phone number removed]) said a police officer attends every meeting." (Board paper, page 2, 2023-04-01)',
    );
  });

  it('links an assurance to its organisation, says what it claims, and redacts its text', () => {
    const entry = feedEntryOf(assurance, site);
    expect(entry).toMatchObject({
      id: stableUrn('abc', 'assurance/3'),
      title: 'New assurance: Brook Trust',
      updated: '2024-06-01T09:00:00.000Z',
      url: 'https://register.example/organisations/DEMO%20T%2F02',
      categories: ['assurance', 'ended'],
    });
    expect(entry.summary).toBe(
      'The assurance of 2022-01-10 that the scheme had ended on 2021-12-31, given by Chief Executive: "The scheme ended. Contact [email removed] for details."',
    );
  });

  it('gives evidence and an assurance with the same number different ids', () => {
    expect(feedEntryOf({ ...evidence, findingId: 3 }, site).id).not.toBe(
      feedEntryOf(assurance, site).id,
    );
  });
});

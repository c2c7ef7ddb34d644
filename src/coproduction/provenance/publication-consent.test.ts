import { describe, expect, it } from 'vitest';

import type { BindingAction } from '../agreement.js';
import type { SourceVersion } from './find-reuse.js';
import { publicationConsent } from './publication-consent.js';

const version = (versionNumber: number): SourceVersion => ({
  documentId: 3,
  documentTitle: 'Crisis response policy',
  versionNumber,
  published: false,
});

const publish = (
  versionNumber: number,
  state: BindingAction['state'],
  carriedOutAt: string | null = null,
): BindingAction => ({
  id: 10 + versionNumber,
  agreementId: 1,
  number: 2,
  kind: 'publish',
  subject: { kind: 'publish', documentId: 3, versionNumber },
  subjectHash: 'hash',
  effectiveOn: '2027-01-15',
  proposedAt: '2026-12-01T10:00:00.000Z',
  proposedBy: 'nina',
  proposedByPartyId: 1,
  state,
  carriedOutAt,
  carriedOutBy: carriedOutAt === null ? null : 'cara',
  consents: [],
});

describe('publicationConsent()', () => {
  it('says publication had every party’s consent when a version with the passage was published', () => {
    expect(
      publicationConsent(
        [version(1), version(2)],
        [publish(2, 'carried_out', '2027-01-15T09:00:00.000Z')],
      ),
    ).toEqual({
      kind: 'published',
      statement:
        'Publication of this passage had every party\'s consent: version 2 of "Crisis response policy" was published on 2027-01-15.',
    });
  });

  it('says when every party consents to publish on a date not yet come', () => {
    const consent = publicationConsent([version(2)], [publish(2, 'ready')]);
    expect(consent.kind).toBe('agreed');
    expect(consent.statement).toContain(
      'Every party has consented to publish version 2 of "Crisis response policy" on 2027-01-15',
    );
  });

  it('says it was never consented to when the consent was to another version, or is incomplete', () => {
    for (const actions of [
      [],
      [publish(3, 'carried_out', '2027-01-15T09:00:00.000Z')],
      [publish(2, 'awaiting_consent')],
    ])
      expect(publicationConsent([version(1), version(2)], actions)).toEqual({
        kind: 'never',
        statement: 'Publication of this passage was never consented to by every party.',
      });
  });

  it('says every party consented and one withdrew, when all had signed before a withdrawal', () => {
    const consent = (partyId: number, withdrawnAt: string | null) => ({
      id: partyId,
      actionId: 12,
      partyId,
      givenBy: `member-${String(partyId)}`,
      givenAt: '2026-12-02T10:00:00.000Z',
      signature: 'signature',
      withdrawnAt,
      withdrawnBy: withdrawnAt === null ? null : `member-${String(partyId)}`,
    });
    const withdrawn = {
      ...publish(2, 'awaiting_consent'),
      consents: [consent(1, '2027-01-20T10:00:00.000Z'), consent(2, null)],
    };
    const said = publicationConsent([version(2)], [withdrawn], [1, 2]);
    expect(said.kind).toBe('withdrawn');
    expect(said.statement).toBe(
      'Every party consented to publish version 2 of "Crisis response policy" on 2027-01-15, then a party withdrew its consent before it was published: publication of this passage does not have every party\'s consent now, and their signatures over that version remain in the record.',
    );
    // Two of three parties had signed: that is not every party.
    expect(publicationConsent([version(2)], [withdrawn], [1, 2, 3]).kind).toBe('never');
  });
});

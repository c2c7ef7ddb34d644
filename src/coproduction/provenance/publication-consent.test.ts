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
});

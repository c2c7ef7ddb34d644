import type { BindingAction } from '../agreement.js';
import type { SourceVersion } from './find-reuse.js';

/** Whether every party consented to publishing a passage, and the sentence that says so. */
export interface PublicationConsent {
  /** published: a version with it was published with every party's consent; agreed: every party
   * consents to publish one on a date, not yet carried out; withdrawn: every party consented to
   * publish one, then a party withdrew before it happened; never: none of these. */
  kind: 'published' | 'agreed' | 'withdrawn' | 'never';
  statement: string;
}

const describe = (version: SourceVersion) =>
  `version ${version.versionNumber} of "${version.documentTitle}"`;

/**
 * What the agreement's publish actions say about the passage found in `versions`: a carried-out
 * one means its publication had every party's consent; one every party consents to (not withdrawn)
 * that waits for its date means it will; otherwise no party's consent covered it.
 */
export function publicationConsent(
  versions: SourceVersion[],
  actions: BindingAction[],
  /** The agreement's parties: whether every one of them had consented. */
  partyIds: readonly number[] = [],
): PublicationConsent {
  const publishing = (state: BindingAction['state']) =>
    versions.flatMap((version) =>
      actions
        .filter(
          (action) =>
            action.state === state &&
            action.subject.kind === 'publish' &&
            action.subject.documentId === version.documentId &&
            action.subject.versionNumber === version.versionNumber,
        )
        .map((action) => ({ version, action })),
    );
  const [published] = publishing('carried_out');
  if (published !== undefined)
    return {
      kind: 'published',
      statement: `Publication of this passage had every party's consent: ${describe(published.version)} was published on ${published.action.carriedOutAt?.slice(0, 10) ?? 'a recorded date'}.`,
    };
  const [agreed] = publishing('ready');
  if (agreed !== undefined)
    return {
      kind: 'agreed',
      statement: `Every party has consented to publish ${describe(agreed.version)} on ${agreed.action.effectiveOn ?? 'an agreed date'}; it is not published yet, and publication of this passage before then was never consented to by every party.`,
    };
  const everyPartyConsented = (action: BindingAction) =>
    partyIds.length > 0 &&
    partyIds.every((id) => action.consents.some((consent) => consent.partyId === id));
  const withdrawn = publishing('awaiting_consent').find(({ action }) =>
    everyPartyConsented(action),
  );
  if (withdrawn !== undefined)
    return {
      kind: 'withdrawn',
      statement: `Every party consented to publish ${describe(withdrawn.version)} on ${withdrawn.action.effectiveOn ?? 'an agreed date'}, then a party withdrew its consent before it was published: publication of this passage does not have every party's consent now, and their signatures over that version remain in the record.`,
    };
  return {
    kind: 'never',
    statement: 'Publication of this passage was never consented to by every party.',
  };
}

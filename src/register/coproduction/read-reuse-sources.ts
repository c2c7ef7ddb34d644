import type { Kysely } from 'kysely';

import type { ReuseSource } from '../../coproduction/provenance/find-reuse.js';
import type { DatabaseSchema } from '../../store/schema.js';
import type { BindingAction } from '../../coproduction/agreement.js';
import { getJointDocuments, getVersion, listActions } from './coproduction-repository.js';
import { readAgreementForMember } from './read-for-member.js';

/**
 * Every version of every joint document of an agreement, each with whether it was published, and
 * the agreement's actions and parties: what `simwatch provenance` compares an outside text with. For a member
 * only (`forbidden` otherwise): the drafts are confidential.
 */
export async function readReuseSources(
  db: Kysely<DatabaseSchema>,
  agreementId: number,
  username: string,
): Promise<{ sources: ReuseSource[]; actions: BindingAction[]; partyIds: number[] }> {
  const { agreement } = await readAgreementForMember(db, agreementId, username);
  const actions = await listActions(db, agreementId);
  const sources: ReuseSource[] = [];
  for (const document of await getJointDocuments(db, agreementId))
    for (const summary of document.versions) {
      const version = await getVersion(db, document.id, summary.number);
      sources.push({
        documentId: document.id,
        documentTitle: document.title,
        versionNumber: version.number,
        content: version.content,
        published: actions.some(
          (action) =>
            action.state === 'carried_out' &&
            action.subject.kind === 'publish' &&
            action.subject.documentId === document.id &&
            action.subject.versionNumber === version.number,
        ),
      });
    }
  return { sources, actions, partyIds: agreement.parties.map((party) => party.id) };
}

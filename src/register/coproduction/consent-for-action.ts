import { canonicalJson } from '../../record/canonical-json.js';
import {
  hashText,
  readPartyPublicKey,
  type ConsentStatement,
} from '../../coproduction/consent-statement.js';
import type {
  ActionSubject,
  Agreement,
  BindingAction,
  NewParty,
  Party,
} from '../../coproduction/agreement.js';

/** The statement each party signs to consent to an action of an agreement. */
export function consentStatementFor(
  action: Pick<BindingAction, 'number' | 'kind' | 'subjectHash' | 'effectiveOn'>,
  agreement: Pick<Agreement, 'ref'>,
): ConsentStatement {
  return {
    statement: 'simwatch co-production consent, version 1',
    agreement: agreement.ref,
    action: { number: action.number, kind: action.kind },
    subjectHash: action.subjectHash,
    effectiveOn: action.effectiveOn,
  };
}

/**
 * The hash a consent binds for an action's subject: for `publish` the version hash (given, as the
 * subject names the version only); for terms and public statements the text's hash; for adding
 * or removing a party the hash of the party's canonical description.
 */
export function subjectHashOf(
  subject: ActionSubject,
  context: { versionHash?: string; parties?: readonly Party[] } = {},
): string {
  switch (subject.kind) {
    case 'publish':
      if (context.versionHash === undefined)
        throw new Error('Cannot hash a publication without the version hash');
      return context.versionHash;
    case 'change_terms':
    case 'public_statement':
      return hashText(subject.text);
    case 'add_party':
      return hashText(canonicalJson(partyDescription(subject.party)));
    case 'remove_party': {
      const party = context.parties?.find((each) => each.id === subject.partyId);
      if (party === undefined)
        throw new Error(`Cannot hash the removal of party ${subject.partyId}: it is not known`);
      return hashText(
        canonicalJson({
          remove: { partyId: party.id, name: party.name, keyId: party.keyId },
        }),
      );
    }
  }
}

/** A new party as its consent binds it: name, organisation, key and members, in one order. */
function partyDescription(party: NewParty): Record<string, unknown> {
  return {
    add: {
      name: party.name,
      organisationCode: party.organisationCode,
      keyId: readPartyPublicKey(party.publicKeyPem).keyId,
      members: [...party.members]
        .sort((a, b) => (a.username < b.username ? -1 : a.username > b.username ? 1 : 0))
        .map((member) => ({ username: member.username, mayAct: member.mayAct })),
    },
  };
}

import type { Kysely } from 'kysely';

import { accountExists } from './account-exists.js';
import { readPartyPublicKey } from '../../coproduction/consent-statement.js';
import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { findOrganisationByCode } from '../organisations/organisations-repository.js';
import { checkText } from '../validate-input.js';
import type { NewParty, Party } from '../../coproduction/agreement.js';

/** A new party checked: its name, organisation, key and members, and its key id. */
export interface CheckedParty extends NewParty {
  keyId: string;
}

/**
 * Checks parties joining an agreement, alone and against the parties it has (`existing`): each
 * needs a distinct name and key, an organisation in the register when a code is given, members
 * who are workspace accounts, at least one of whom may act, and no one a member of two parties.
 */
export async function checkNewParties(
  db: Kysely<DatabaseSchema>,
  parties: readonly NewParty[],
  existing: readonly Party[] = [],
): Promise<CheckedParty[]> {
  const names = new Set(existing.map((party) => party.name.toLowerCase()));
  const keyIds = new Set(existing.map((party) => party.keyId));
  const usernames = new Set(
    existing.flatMap((party) =>
      party.members.filter((member) => member.removedAt === null).map((m) => m.username),
    ),
  );
  const checked: CheckedParty[] = [];
  for (const party of parties) {
    const name = checkText(party.name, "a party's name", 'parties');
    if (names.has(name.toLowerCase()))
      throw invalid(`Cannot add the party "${name}": the agreement already has a party so named`);
    names.add(name.toLowerCase());
    const code = party.organisationCode?.trim() || null;
    if (code !== null && (await findOrganisationByCode(db, code)) === undefined)
      throw invalid(
        `Cannot add the party "${name}": there is no organisation "${code}" in the register`,
      );
    let key: { publicKeyPem: string; keyId: string };
    try {
      key = readPartyPublicKey(party.publicKeyPem);
    } catch (error) {
      throw invalid(`Cannot add the party "${name}": ${(error as Error).message}`);
    }
    if (keyIds.has(key.keyId))
      throw invalid(
        `Cannot add the party "${name}": its key (keyId ${key.keyId}) is another party's key`,
      );
    keyIds.add(key.keyId);
    if (!party.members.some((member) => member.mayAct))
      throw invalid(`Cannot add the party "${name}": give it at least one member who may act`);
    const members: NewParty['members'] = [];
    for (const member of party.members) {
      const username = member.username.trim();
      if (usernames.has(username))
        throw invalid(
          `Cannot add "${username}" to "${name}": they are already a member of a party to the agreement`,
        );
      if (!(await accountExists(db, username)))
        throw invalid(`Cannot add "${username}" to "${name}": there is no such account`);
      usernames.add(username);
      members.push({ username, mayAct: member.mayAct });
    }
    checked.push({ name, organisationCode: code, ...key, members });
  }
  return checked;
}

function invalid(message: string): SimwatchError {
  return new SimwatchError('invalid_input', message, { field: 'parties' });
}

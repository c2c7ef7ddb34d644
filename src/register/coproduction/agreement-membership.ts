import { SimwatchError } from '../../errors.js';
import type { Agreement, Member, Party } from '../../coproduction/agreement.js';

/**
 * Who may do what in an agreement: its current parties' current members see everything; only
 * those who may act for a party act for it, and only for their own party.
 */

/** The parties an agreement has now (not removed). */
export function currentParties(agreement: Agreement): Party[] {
  return agreement.parties.filter((party) => party.leftAt === null);
}

/** The party `username` is a current member of, with the membership, or undefined. */
export function findMembership(
  agreement: Agreement,
  username: string,
): { party: Party; member: Member } | undefined {
  for (const party of currentParties(agreement)) {
    const member = party.members.find(
      (each) => each.username === username && each.removedAt === null,
    );
    if (member) return { party, member };
  }
  return undefined;
}

/** The actor's membership; throws `forbidden` when they are not a member of any party. */
export function requireMember(
  agreement: Agreement,
  username: string,
): { party: Party; member: Member } {
  const membership = findMembership(agreement, username);
  if (membership === undefined)
    throw new SimwatchError(
      'forbidden',
      `Cannot open agreement ${agreement.id}: you are not a member of any of its parties`,
    );
  return membership;
}

/**
 * The party the actor acts for, checked: a current party of the agreement, of which the actor is
 * a current member who may act. A member of another party cannot act for this one.
 */
export function requireActingFor(agreement: Agreement, partyId: number, username: string): Party {
  const own = requireMember(agreement, username);
  const party = currentParties(agreement).find((each) => each.id === partyId);
  if (party === undefined)
    throw new SimwatchError(
      'invalid_input',
      `Cannot act for party ${partyId}: it is not a party to agreement ${agreement.id}`,
      { field: 'partyId' },
    );
  if (own.party.id !== party.id)
    throw new SimwatchError(
      'forbidden',
      `Cannot act for ${party.name}: you are a member of ${own.party.name}, and a party acts only for itself`,
    );
  if (!own.member.mayAct)
    throw new SimwatchError(
      'forbidden',
      `Cannot act for ${party.name}: you take part in its work but may not act for it`,
    );
  return party;
}

/** The actor's own party when they may act for it; throws `forbidden` otherwise. */
export function requireActing(agreement: Agreement, username: string): Party {
  return requireActingFor(agreement, requireMember(agreement, username).party.id, username);
}

/** Throws `conflict` when the agreement was dissolved: nothing more can be done in it. */
export function requireNotDissolved(agreement: Agreement, what: string): void {
  if (agreement.dissolution !== null)
    throw new SimwatchError(
      'conflict',
      `Cannot ${what}: agreement ${agreement.id} was dissolved on ${agreement.dissolution.at.slice(0, 10)}`,
    );
}

/** Throws `conflict` while the agreement awaits every party's consent to its first terms. */
export function requireActive(agreement: Agreement, what: string): void {
  requireNotDissolved(agreement, what);
  if (agreement.state === 'awaiting_terms')
    throw new SimwatchError(
      'conflict',
      `Cannot ${what}: agreement ${agreement.id} awaits every party's consent to its terms (action 1)`,
    );
}

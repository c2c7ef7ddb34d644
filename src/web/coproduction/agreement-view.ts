import type {
  AccessRecord,
  Agreement,
  BindingAction,
  Meeting,
  Party,
} from '../../coproduction/agreement.js';

/** Where one party stands on one action, in words a page can show. */
export interface PartyConsentView {
  partyId: number;
  partyName: string;
  state: 'given' | 'withdrawn' | 'not_yet';
  /** "Given by lee on 2 March 2027" and the like; empty when not yet. */
  by: string | null;
  at: string | null;
}

/** The parties an action needs: those of the agreement not removed (a removed party has left). */
export function currentParties(agreement: Agreement): Party[] {
  return agreement.parties.filter((party) => party.leftAt === null);
}

/**
 * Each current party's consent to an action: its latest consent, given or withdrawn, or not yet.
 * A party that withdrew and then consented again counts as given.
 */
export function consentStates(agreement: Agreement, action: BindingAction): PartyConsentView[] {
  return currentParties(agreement).map((party) => {
    const latest = action.consents
      .filter((consent) => consent.partyId === party.id)
      .sort((a, b) => (a.givenAt < b.givenAt ? -1 : a.givenAt > b.givenAt ? 1 : a.id - b.id))
      .at(-1);
    if (!latest)
      return { partyId: party.id, partyName: party.name, state: 'not_yet', by: null, at: null };
    if (latest.withdrawnAt !== null)
      return {
        partyId: party.id,
        partyName: party.name,
        state: 'withdrawn',
        by: latest.withdrawnBy,
        at: latest.withdrawnAt,
      };
    return {
      partyId: party.id,
      partyName: party.name,
      state: 'given',
      by: latest.givenBy,
      at: latest.givenAt,
    };
  });
}

/** A meeting with the names of the parties present, told beforehand, and not told at all. */
export interface MeetingView extends Meeting {
  present: string[];
  told: string[];
  notTold: string[];
}

/**
 * Who was at each meeting, who was told and who was not, by party name: "not told" counts only
 * the parties of the agreement when the meeting was recorded.
 */
export function meetingViews(agreement: Agreement, meetings: readonly Meeting[]): MeetingView[] {
  const nameOf = (id: number) =>
    agreement.parties.find((party) => party.id === id)?.name ?? `party ${id}`;
  return meetings.map((meeting) => ({
    ...meeting,
    present: meeting.presentPartyIds.map(nameOf),
    told: meeting.toldPartyIds.map(nameOf),
    notTold: agreement.parties
      .filter(
        (party) =>
          !meeting.presentPartyIds.includes(party.id) &&
          !meeting.toldPartyIds.includes(party.id) &&
          party.joinedAt <= meeting.recordedAt &&
          (party.leftAt === null || party.leftAt > meeting.recordedAt),
      )
      .map((party) => party.name),
  }));
}

/** The parties a member of the agreement belongs to now (with whether they may act for each). */
export function partiesOf(
  agreement: Agreement,
  username: string,
): { party: Party; mayAct: boolean }[] {
  return currentParties(agreement).flatMap((party) => {
    const member = party.members.find(
      (each) => each.username === username && each.removedAt === null,
    );
    return member ? [{ party, mayAct: member.mayAct }] : [];
  });
}

/** The parties among a person's memberships that they may act for. */
export function actingPartiesOf(
  memberships: readonly { party: Party; mayAct: boolean }[],
): Party[] {
  return memberships.filter((each) => each.mayAct).map((each) => each.party);
}

/** An access log entry with its party's name. */
export interface AccessView extends AccessRecord {
  partyName: string;
}

/** The access log, newest first, with party names. */
export function accessViews(agreement: Agreement, records: readonly AccessRecord[]): AccessView[] {
  return [...records]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.id - a.id))
    .map((record) => ({
      ...record,
      partyName:
        agreement.parties.find((party) => party.id === record.partyId)?.name ??
        `party ${record.partyId}`,
    }));
}

/** What each state of an agreement is called on its pages. */
export const agreementStateText: Readonly<Record<Agreement['state'], string>> = {
  awaiting_terms: 'Waiting for every party to consent to the terms',
  active: 'Active',
  dissolved: 'Dissolved',
};

/** What each kind of binding action is called on its pages. */
export const actionKindText: Readonly<Record<BindingAction['kind'], string>> = {
  publish: 'Publish a version',
  change_terms: 'Change the terms',
  add_party: 'Add a party',
  remove_party: 'Remove a party',
  public_statement: 'Make a public statement about the work',
};

/** What each state of a binding action is called on its pages. */
export const actionStateText: Readonly<Record<BindingAction['state'], string>> = {
  awaiting_consent: 'Waiting for consent',
  ready: 'Every party has consented',
  carried_out: 'Carried out',
};

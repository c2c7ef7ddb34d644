import { describe, expect, it } from 'vitest';

import type {
  Agreement,
  BindingAction,
  Consent,
  Meeting,
  Party,
} from '../../coproduction/agreement.js';
import { consentStates, meetingViews, partiesOf } from './agreement-view.js';

function party(
  id: number,
  name: string,
  members: [string, boolean][],
  leftAt: string | null = null,
): Party {
  return {
    id,
    agreementId: 1,
    name,
    organisationCode: null,
    publicKeyPem: '',
    keyId: `key${id}`,
    joinedAt: '2027-01-01T00:00:00Z',
    leftAt,
    members: members.map(([username, mayAct]) => ({
      partyId: id,
      username,
      mayAct,
      addedAt: '2027-01-01T00:00:00Z',
      removedAt: null,
    })),
  };
}

const agreement = {
  id: 1,
  parties: [
    party(1, 'Board', [
      ['rita', true],
      ['sam', false],
    ]),
    party(2, 'Coalition', [['lee', true]]),
    party(3, 'Former partner', [['rita', true]], '2027-02-01T00:00:00Z'),
  ],
} as Agreement;

function consent(
  id: number,
  partyId: number,
  givenAt: string,
  withdrawnAt: string | null = null,
): Consent {
  return {
    id,
    actionId: 9,
    partyId,
    givenBy: 'someone',
    givenAt,
    signature: 'x',
    withdrawnAt,
    withdrawnBy: withdrawnAt ? 'mo' : null,
  };
}

describe('consentStates()', () => {
  it('gives each current party its latest consent: given, withdrawn or not yet', () => {
    const action = {
      consents: [consent(1, 2, '2027-03-01T10:00:00Z', '2027-03-02T10:00:00Z')],
    } as BindingAction;
    expect(consentStates(agreement, action).map((each) => [each.partyName, each.state])).toEqual([
      ['Board', 'not_yet'],
      ['Coalition', 'withdrawn'],
    ]);
  });

  it('counts a consent given again after a withdrawal as given', () => {
    const action = {
      consents: [
        consent(1, 1, '2027-03-01T10:00:00Z', '2027-03-02T10:00:00Z'),
        consent(2, 1, '2027-03-03T10:00:00Z'),
      ],
    } as BindingAction;
    expect(consentStates(agreement, action)[0]).toMatchObject({ state: 'given', by: 'someone' });
  });
});

describe('meetingViews()', () => {
  it('names the parties present, told, and not told, leaving out a party that had left', () => {
    const meeting = {
      presentPartyIds: [1],
      toldPartyIds: [],
      recordedAt: '2027-03-01T00:00:00Z',
    } as unknown as Meeting;
    const [view] = meetingViews(agreement, [meeting]);
    expect(view?.present).toEqual(['Board']);
    expect(view?.notTold).toEqual(['Coalition']);
  });
});

describe('partiesOf()', () => {
  it('lists only the current parties a person is a current member of', () => {
    expect(partiesOf(agreement, 'rita').map((each) => each.party.name)).toEqual(['Board']);
    expect(partiesOf(agreement, 'sam')).toEqual([expect.objectContaining({ mayAct: false })]);
    expect(partiesOf(agreement, 'vic')).toEqual([]);
  });
});

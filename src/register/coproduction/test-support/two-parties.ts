import { generateKeyPairSync } from 'node:crypto';

import { expect } from 'vitest';

import type { AppDeps } from '../../../app/create-app-deps.js';
import { signConsent } from '../../../coproduction/consent-statement.js';
import { SimwatchError } from '../../../errors.js';
import { countEvents } from '../../../store/record-repository.js';
import { addReviewers } from '../../../test-support/add-reviewers.js';
import { consentStatementFor } from '../consent-for-action.js';
import { createAgreement, giveConsent } from '../coproduction-service.js';
import { getAction, getAgreement, listActions } from '../coproduction-repository.js';

/** A party's Ed25519 key pair (PEM), as its members would hold it. */
export interface PartyKey {
  publicKeyPem: string;
  privateKeyPem: string;
}

/** Makes a party's key pair. */
export function partyKey(): PartyKey {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKeyPem: publicKey, privateKeyPem: privateKey };
}

/**
 * Two fictional parties: the Northmoor Trust (`nina` may act, `nick` takes part; the register's
 * ZZT1) and the Coalition for Safe Care (`cara` may act, `carl` takes part), and `olly`, who has
 * an account but is in neither.
 */
export const people = { nina: 'nina', nick: 'nick', cara: 'cara', carl: 'carl', olly: 'olly' };

/** What a two-party agreement test holds: the agreement, party ids and keys. */
export interface TwoParties {
  agreementId: number;
  trust: { id: number; key: PartyKey; actor: string };
  coalition: { id: number; key: PartyKey; actor: string };
}

/** Sets up an agreement between the two parties (as `admin`), awaiting consent to its terms. */
export async function setUpTwoParties(deps: AppDeps): Promise<TwoParties> {
  await addReviewers(deps, ...Object.values(people));
  const trustKey = partyKey();
  const coalitionKey = partyKey();
  const { agreementId } = await createAgreement(
    deps,
    {
      title: 'National policy on high intensity practices',
      purpose: 'To write the national policy together, as equal partners.',
      principles: [
        'Confidentiality: drafts stay between the parties',
        'Equal partnership: every party has the same powers',
        'No publication by either party without the other’s consent',
      ],
      termsText: 'Each party may publish nothing of the joint work without every party’s consent.',
      draftsOnDissolution: 'kept_confidential',
      parties: [
        {
          name: 'Northmoor Trust',
          organisationCode: 'ZZT1',
          publicKeyPem: trustKey.publicKeyPem,
          members: [
            { username: people.nina, mayAct: true },
            { username: people.nick, mayAct: false },
          ],
        },
        {
          name: 'Coalition for Safe Care',
          organisationCode: null,
          publicKeyPem: coalitionKey.publicKeyPem,
          members: [
            { username: people.cara, mayAct: true },
            { username: people.carl, mayAct: false },
          ],
        },
      ],
    },
    'admin',
  );
  const agreement = await getAgreement(deps.database.db, agreementId);
  const [trust, coalition] = agreement.parties;
  if (!trust || !coalition) throw new Error('Expected two parties');
  return {
    agreementId,
    trust: { id: trust.id, key: trustKey, actor: people.nina },
    coalition: { id: coalition.id, key: coalitionKey, actor: people.cara },
  };
}

/** Signs an action's consent statement with a party's key, as a member would. */
export async function signFor(deps: AppDeps, actionId: number, key: PartyKey): Promise<string> {
  const action = await getAction(deps.database.db, actionId);
  const agreement = await getAgreement(deps.database.db, action.agreementId);
  return signConsent(consentStatementFor(action, agreement), key.privateKeyPem);
}

/** A party consents to an action, signing with its key. */
export async function consent(
  deps: AppDeps,
  actionId: number,
  party: { id: number; key: PartyKey; actor: string },
) {
  return giveConsent(
    deps,
    { actionId, partyId: party.id, signature: await signFor(deps, actionId, party.key) },
    party.actor,
  );
}

/** Sets up the agreement and has both parties consent to its terms: it is active. */
export async function activeAgreement(deps: AppDeps): Promise<TwoParties> {
  const parties = await setUpTwoParties(deps);
  const [first] = await listActions(deps.database.db, parties.agreementId);
  if (!first) throw new Error('Expected action 1');
  await consent(deps, first.id, parties.trust);
  await consent(deps, first.id, parties.coalition);
  return parties;
}

/**
 * Runs a call that must be refused and returns its error, after checking that the refusal wrote
 * nothing: the record holds as many events as before (each change is one transaction).
 */
export async function refusal(deps: AppDeps, call: () => Promise<unknown>): Promise<SimwatchError> {
  const before = await countEvents(deps.database.db);
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SimwatchError))
    throw new Error(`Expected a refusal, got ${String(error)}`);
  expect(await countEvents(deps.database.db)).toBe(before);
  return error;
}

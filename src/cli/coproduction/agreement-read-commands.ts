import type { Agreement, BindingAction, Meeting } from '../../coproduction/agreement.js';
import {
  getJointDocuments,
  listAccess,
  listActions,
  listAgreementsFor,
  listMeetings,
} from '../../register/coproduction/coproduction-repository.js';
import { readAgreementForMember } from '../../register/coproduction/read-for-member.js';
import type { RegisterDeps } from '../../register/register-deps.js';
import { defineRegisterCommand } from '../register/define-register-command.js';
import { idArgument } from './agreement-options.js';

/** The agreement, when the actor is a current member of one of its parties (else `forbidden`). */
export async function readAgreementAs(
  deps: RegisterDeps,
  agreementId: number,
  actor: string,
): Promise<Agreement> {
  return (await readAgreementForMember(deps.database.db, agreementId, actor)).agreement;
}

/** `simwatch agreement list`. */
export const listCommand = defineRegisterCommand({
  name: 'agreement list',
  summary: 'List the agreements you are a member of',
  usage: 'Usage: simwatch agreement list [--actor USER] [--json]',
  help: 'Lists the co-production agreements whose parties USER is a member of.',
  screening: false,
  async run({ deps, actor, json, print }) {
    const agreements = await listAgreementsFor(deps.database.db, actor);
    if (json) print(JSON.stringify(agreements));
    else if (agreements.length === 0) print(`${actor} is not a member of any agreement.`);
    else
      for (const a of agreements)
        print(
          `${a.id}  ${a.title}  (${a.state.replace('_', ' ')}; ${a.parties.map((p) => p.name).join(', ')})`,
        );
    return 0;
  },
});

const consentLine = (agreement: Agreement, action: BindingAction) =>
  agreement.parties
    .filter((party) => party.leftAt === null)
    .map((party) => {
      const consent = action.consents.find((c) => c.partyId === party.id);
      const word =
        consent === undefined
          ? 'not yet'
          : consent.withdrawnAt === null
            ? `consented ${consent.givenAt.slice(0, 10)}`
            : `withdrew ${consent.withdrawnAt.slice(0, 10)}`;
      return `${party.name}: ${word}`;
    })
    .join('; ');

const meetingLine = (agreement: Agreement, meeting: Meeting) => {
  const names = (ids: number[]) =>
    agreement.parties.filter((p) => ids.includes(p.id)).map((p) => p.name);
  const notTold = agreement.parties
    .filter((p) => !meeting.presentPartyIds.includes(p.id) && !meeting.toldPartyIds.includes(p.id))
    .map((p) => p.name);
  return (
    `  ${meeting.heldOn} ${meeting.kind} "${meeting.title}": present ${names(meeting.presentPartyIds).join(', ') || 'none'}` +
    (meeting.toldPartyIds.length > 0 ? `; told ${names(meeting.toldPartyIds).join(', ')}` : '') +
    (notTold.length > 0 ? `; NOT TOLD ${notTold.join(', ')}` : '')
  );
};

/** `simwatch agreement show ID`. */
export const showCommand = defineRegisterCommand({
  name: 'agreement show',
  summary: 'Show an agreement: parties, members, terms, documents, actions and meetings',
  usage: 'Usage: simwatch agreement show ID [--actor USER] [--json]',
  help: 'Shows an agreement to a member of one of its parties: everything every party can see.',
  screening: false,
  async run({ positionals, deps, actor, json, print }) {
    const agreement = await readAgreementAs(deps, idArgument(positionals, 'agreement id'), actor);
    const db = deps.database.db;
    const [documents, actions, meetings, access] = await Promise.all([
      getJointDocuments(db, agreement.id),
      listActions(db, agreement.id),
      listMeetings(db, agreement.id),
      listAccess(db, agreement.id),
    ]);
    if (json) {
      print(JSON.stringify({ agreement, documents, actions, meetings, access }));
      return 0;
    }
    print(`Agreement ${agreement.id}: ${agreement.title} (${agreement.state.replace('_', ' ')})`);
    print(`Reference: ${agreement.ref}`);
    print(`Purpose: ${agreement.purpose}`);
    print('Principles:');
    for (const principle of agreement.principles) print(`  - ${principle}`);
    print(
      `Terms: version ${agreement.terms.version}, hash ${agreement.terms.hash}` +
        (agreement.terms.adoptedAt === null ? ' (awaiting every party’s consent)' : ''),
    );
    print('Parties:');
    for (const party of agreement.parties) {
      print(
        `  ${party.id}. ${party.name} (key ${party.keyId})` +
          (party.leftAt === null ? '' : `, left ${party.leftAt.slice(0, 10)}`),
      );
      for (const m of party.members.filter((member) => member.removedAt === null))
        print(`       ${m.username}${m.mayAct ? ' (may act)' : ''}`);
    }
    print('Documents:');
    for (const d of documents)
      print(
        `  ${d.id}. ${d.title}: ${d.versions.map((v) => `v${v.number} ${v.hash.slice(0, 12)}`).join(', ')}`,
      );
    print('Actions:');
    for (const a of actions)
      print(
        `  ${a.id} (number ${a.number}) ${a.kind}${a.effectiveOn === null ? '' : ` on ${a.effectiveOn}`}, ${a.state.replace('_', ' ')}: ${consentLine(agreement, a)}`,
      );
    print('Meetings and decisions:');
    for (const m of meetings) print(meetingLine(agreement, m));
    print('Views and downloads:');
    for (const a of access)
      print(
        `  ${a.at.slice(0, 16).replace('T', ' ')} ${a.username} ${a.kind === 'view' ? 'viewed' : 'downloaded'} version ${a.versionNumber} of document ${a.documentId}`,
      );
    if (agreement.dissolution)
      print(
        `Dissolved ${agreement.dissolution.at.slice(0, 10)} by ${agreement.dissolution.by}: ${agreement.dissolution.reason}`,
      );
    return 0;
  },
});

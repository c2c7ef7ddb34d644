import { generateKeyPairSync, sign } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { createUser } from '../accounts/users-service.js';
import { agreedStatementBytes, signConsent } from '../coproduction/consent-statement.js';
import { markCopy } from '../coproduction/marking/mark-copy.js';
import { SimwatchError } from '../errors.js';
import type { Agreement, Party } from '../coproduction/agreement.js';
import { consentStatementFor } from '../register/coproduction/consent-for-action.js';
import { getAction, getAgreement } from '../register/coproduction/coproduction-repository.js';
import {
  addComment,
  addVersion,
  carryOutAction,
  createAgreement,
  giveConsent,
  proposeAction,
  publishAgreedStatement,
  recordAccess,
  recordMeeting,
  withdrawConsent,
} from '../register/coproduction/coproduction-service.js';
import type { RegisterDeps } from '../register/register-deps.js';
import {
  demoAgreedStatementText,
  demoAgreement,
  demoAlteredLetter,
  demoComment,
  demoDownloads,
  demoLeaker,
  demoParties,
  demoPolicyVersions,
  demoShutOutStatement,
  type DemoParty,
} from './demo-agreement-plan.js';

/** The files the demonstration agreement writes into the demo folder. */
export const demoAgreementFiles = {
  excerpt: 'leaked-excerpt.txt',
  letter: 'altered-letter.txt',
  guide: 'README.txt',
} as const;

/** What building the demonstration agreement made, for the guide and the tests. */
export interface DemoAgreementSummary {
  agreementId: number;
  documentId: number;
  /** The folder holding the excerpt, the letter and the parties' keys (when one was given). */
  folder: string | null;
  leaker: string;
  /** Why each story's binding action did not happen (for c and d, simwatch's refusal). */
  refusals: { shutOut: string; alteredLetter: string; withdrawn: string };
  /** The action the shut-out party was never asked to consent to (story b), still awaiting it. */
  shutOutActionId: number;
  /** The publication of the agreed-not-published statement (story d). */
  statementPublicationId: number;
}

/**
 * Builds the demonstration agreement between two fictional parties, as a story told over 62 days
 * that ended three months ago (its events carry those days): terms adopted by both, a joint
 * policy in five versions, and the four failures of co-production, each prevented or proved.
 * With a folder, writes there the parties' private keys (fictional), a leaked excerpt of a marked
 * download and an altered letter, for `simwatch trace` and `simwatch provenance`.
 */
export async function buildDemoAgreement(
  deps: RegisterDeps,
  actor: string,
  options: { folder?: string } = {},
): Promise<DemoAgreementSummary> {
  const start = new Date(deps.now().getTime() - 150 * 86_400_000);
  start.setUTCHours(10, 0, 0, 0);
  let day = 0;
  const story: RegisterDeps = {
    ...deps,
    now: () => new Date(start.getTime() + day * 86_400_000),
  };
  const dateOf = (offset: number) =>
    new Date(start.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const keys = new Map(demoParties.map((party) => [party.key, newKeyPair()]));
  const keyOf = (party: DemoParty) => keys.get(party.key) ?? fail(`no key for ${party.key}`);
  const [nhs, coalition] = demoParties;
  if (!nhs || !coalition) fail('the plan has two parties');
  const actorOf = (party: DemoParty) =>
    party.members.find((member) => member.mayAct)?.username ?? fail(`no one acts for ${party.key}`);

  for (const party of demoParties)
    for (const member of party.members)
      await createUser(
        story,
        {
          username: member.username,
          displayName: member.displayName,
          role: 'viewer',
          password: null,
        },
        actor,
      );
  const { agreementId } = await createAgreement(
    story,
    {
      ...demoAgreement,
      principles: [...demoAgreement.principles],
      draftsOnDissolution: 'kept_confidential',
      parties: demoParties.map((party) => ({
        name: party.name,
        organisationCode: null,
        publicKeyPem: keyOf(party).publicKeyPem,
        members: party.members.map(({ username, mayAct }) => ({ username, mayAct })),
      })),
    },
    actor,
  );
  const agreement = () => getAgreement(deps.database.db, agreementId);
  const partyOf = (plan: DemoParty, current: Agreement): Party =>
    current.parties.find((each) => each.name === plan.name) ?? fail(`no party ${plan.name}`);
  const consent = async (actionId: number, plan: DemoParty) => {
    const current = await agreement();
    const action = await getAction(deps.database.db, actionId);
    await giveConsent(
      story,
      {
        actionId,
        partyId: partyOf(plan, current).id,
        signature: signConsent(consentStatementFor(action, current), keyOf(plan).privateKeyPem),
      },
      actorOf(plan),
    );
  };

  // The terms: action 1, adopted when both parties consent.
  day = 1;
  for (const party of demoParties) await consent(1, party);
  const parties = await agreement();
  const partyIdOf = (plan: DemoParty) => partyOf(plan, parties).id;
  const byKey = (key: DemoParty['key']) => (key === 'nhs' ? nhs : coalition);

  // The joint policy, its versions on their days, a comment and a joint meeting.
  let documentId = 0;
  const versionDays = [3, 12, 20, 35, 50];
  const addPolicyVersion = async (index: number) => {
    const version = demoPolicyVersions[index] ?? fail(`no version ${index + 1}`);
    const party = byKey(version.by);
    day = versionDays[index] ?? day;
    const added = await addVersion(
      story,
      {
        agreementId,
        ...(documentId === 0 ? { title: 'Policy on SIM-type practices' } : { documentId }),
        content: version.content,
        note: version.note,
        partyId: partyIdOf(party),
      },
      actorOf(party),
    );
    documentId = added.documentId;
  };
  await addPolicyVersion(0);
  day = 5;
  const firstContent = demoPolicyVersions[0]?.content ?? '';
  const at = firstContent.indexOf(demoComment.exact);
  await addComment(
    story,
    {
      documentId,
      versionNumber: 1,
      anchor: {
        exact: demoComment.exact,
        prefix: firstContent.slice(Math.max(0, at - 32), at),
        suffix: firstContent.slice(at + demoComment.exact.length).slice(0, 32),
      },
      body: demoComment.body,
    },
    coalition.members[1]?.username ?? actorOf(coalition),
  );
  day = 10;
  await recordMeeting(
    story,
    {
      agreementId,
      kind: 'meeting',
      heldOn: dateOf(10),
      title: 'Joint drafting meeting',
      summary:
        'Both parties went through version 1 and agreed the coalition would add principles and safeguards.',
      presentPartyIds: [partyIdOf(nhs), partyIdOf(coalition)],
      toldPartyIds: [],
    },
    actorOf(nhs),
  );
  await addPolicyVersion(1);

  // (a) A leak: every member downloads a marked copy of version 2; part of one copy leaks.
  day = 14;
  const copies = new Map<string, string>();
  for (const username of demoDownloads) {
    const party = demoParties.find((each) => each.members.some((m) => m.username === username));
    const access = await recordAccess(
      story,
      { documentId, versionNumber: 2, kind: 'download' },
      username,
    );
    const content = demoPolicyVersions[1]?.content ?? '';
    copies.set(
      username,
      markCopy(content, {
        label: `${username} (${party?.name ?? ''})`,
        seed: access.markSeed ?? fail('a download has a mark seed'),
        date: dateOf(14),
      }),
    );
  }
  const excerpt = leakedExcerpt(copies.get(demoLeaker) ?? fail('the leaker downloaded a copy'));
  await addPolicyVersion(2);

  // (b) Shut out: a decision the coalition was not told of, and the statement it wanted.
  day = 30;
  await recordMeeting(
    story,
    {
      agreementId,
      kind: 'decision',
      heldOn: dateOf(29),
      title: 'Directorate decision to end the joint work',
      summary:
        'The directorate decided to end the joint work and to say publicly that the parties could not agree.',
      presentPartyIds: [partyIdOf(nhs)],
      toldPartyIds: [],
    },
    actorOf(nhs),
  );
  const shutOut = await proposeAction(
    story,
    {
      agreementId,
      subject: { kind: 'public_statement', text: demoShutOutStatement },
      effectiveOn: null,
    },
    actorOf(nhs),
  );
  await consent(shutOut.actionId, nhs);
  // A statement is made when the last party consents; the coalition, never told, never did.
  const waiting = await getAction(deps.database.db, shutOut.actionId);
  const shutOutRefusal = `action ${waiting.number} is ${waiting.state.replace('_', ' ')}: only ${nhs.name} has consented, so the statement was not made`;

  // (c) An altered letter: version 4 strips the safeguards; publishing it needs the coalition.
  await addPolicyVersion(3);
  const altered = await proposeAction(
    story,
    {
      agreementId,
      subject: { kind: 'publish', documentId, versionNumber: 4 },
      effectiveOn: dateOf(37),
    },
    actorOf(nhs),
  );
  await consent(altered.actionId, nhs);
  day = 37;
  const alteredRefusal = await refusalOf(() =>
    carryOutAction(story, { actionId: altered.actionId }, actorOf(nhs)),
  );

  // (d) The agreed final version never published: both consent to version 5 on day 60.
  await addPolicyVersion(4);
  const final = await proposeAction(
    story,
    {
      agreementId,
      subject: { kind: 'publish', documentId, versionNumber: 5 },
      effectiveOn: dateOf(60),
    },
    actorOf(coalition),
  );
  day = 52;
  await consent(final.actionId, coalition);
  await consent(final.actionId, nhs);
  day = 61;
  await withdrawConsent(story, { actionId: final.actionId, partyId: partyIdOf(nhs) }, actorOf(nhs));
  const withdrawnRefusal = await refusalOf(() =>
    carryOutAction(story, { actionId: final.actionId }, actorOf(coalition)),
  );
  day = 62;
  const finalAction = await getAction(deps.database.db, final.actionId);
  const statementSignature = sign(
    null,
    agreedStatementBytes({
      statement: 'simwatch co-production agreed-not-published, version 1',
      agreement: parties.ref,
      action: finalAction.number,
      subjectHash: finalAction.subjectHash,
      text: demoAgreedStatementText,
    }),
    keyOf(coalition).privateKeyPem,
  ).toString('base64');
  const { publicationId } = await publishAgreedStatement(
    story,
    {
      actionId: final.actionId,
      partyId: partyIdOf(coalition),
      text: demoAgreedStatementText,
      signature: statementSignature,
    },
    actorOf(coalition),
  );

  const summary: DemoAgreementSummary = {
    agreementId,
    documentId,
    folder: options.folder ?? null,
    leaker: demoLeaker,
    refusals: {
      shutOut: shutOutRefusal,
      alteredLetter: alteredRefusal,
      withdrawn: withdrawnRefusal,
    },
    shutOutActionId: shutOut.actionId,
    statementPublicationId: publicationId,
  };
  if (options.folder !== undefined)
    await writeDemoFolder(options.folder, summary, {
      excerpt,
      keys: demoParties.map((party) => ({ file: party.keyFile, pem: keyOf(party).privateKeyPem })),
    });
  return summary;
}

/** The guide to the demonstration agreement, printed by `simwatch demo` and kept in the folder. */
export function demoAgreementGuide(summary: DemoAgreementSummary): string[] {
  const folder = summary.folder ?? 'the demo folder';
  const id = summary.agreementId;
  return [
    `Co-production: agreement ${id} between two fictional parties. Only their members may open it: set a password for one (simwatch user password nhs-amira; the others are nhs-ben, coalition-cara and coalition-dev), sign in as them and open /workspace/agreements/${id}.`,
    `  (a) A leak: four members downloaded marked copies of version 2; an excerpt leaked. Trace it:`,
    `      simwatch trace ${join(folder, demoAgreementFiles.excerpt)} --agreement ${id}   (it was ${summary.leaker}'s copy)`,
    `  (b) Shut out: a decision recorded with the coalition not told; the public statement the directorate then wanted needs the coalition's consent: ${summary.refusals.shutOut}`,
    `  (c) An altered letter: publishing the stripped-down version 4 was refused: ${summary.refusals.alteredLetter}`,
    `      Its reuse of draft passages: simwatch provenance ${join(folder, demoAgreementFiles.letter)} --agreement ${id} --actor coalition-cara   (only members may: it quotes the drafts, and the access log records it)`,
    `  (d) The agreed final version 5 was not published on its date; publishing after the directorate withdrew was refused: ${summary.refusals.withdrawn}`,
    `      The coalition published that it was agreed, with both signatures: /publications/${summary.statementPublicationId} (and /publications/${summary.statementPublicationId}.json for simwatch verify-publication).`,
    `  The parties' private keys (fictional, for trying signing with "simwatch agreement sign"): ${folder}`,
    `  Each party is a witness of the record: simwatch witness save --server URL --out checkpoints.json, later simwatch witness check checkpoints.json.`,
  ];
}

async function writeDemoFolder(
  folder: string,
  summary: DemoAgreementSummary,
  files: { excerpt: string; keys: { file: string; pem: string }[] },
): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, demoAgreementFiles.excerpt), files.excerpt);
  await writeFile(join(folder, demoAgreementFiles.letter), demoAlteredLetter);
  for (const key of files.keys) await writeFile(join(folder, key.file), key.pem, { mode: 0o600 });
  await writeFile(
    join(folder, demoAgreementFiles.guide),
    [
      'Demonstration data: fictional parties and people. None of them exist.',
      'The private keys here are demonstration keys of fictional parties: never use them for anything real.',
      '',
      ...demoAgreementGuide(summary),
      '',
    ].join('\n'),
  );
}

// The passage someone pasted into an email: the principles and safeguards, without the notice.
function leakedExcerpt(copy: string): string {
  const from = copy.indexOf('## Principles');
  const to = copy.indexOf('## Police involvement');
  const principles = copy.slice(from, to).trim();
  return `${principles.split('\n').slice(2).join('\n').trim()}\n`;
}

async function refusalOf(attempt: () => Promise<unknown>): Promise<string> {
  try {
    await attempt();
  } catch (error) {
    if (error instanceof SimwatchError && error.code === 'conflict') return error.message;
    throw error;
  }
  fail('a binding action went ahead without every party');
}

function newKeyPair(): { privateKeyPem: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

function fail(detail: string): never {
  throw new SimwatchError('internal', `Cannot build the demonstration agreement: ${detail}`);
}

import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import {
  agreedStatementBytes,
  consentBytes,
  type ConsentStatement,
} from '../../coproduction/consent-statement.js';
import { publicationBundle } from '../../coproduction/publication-bundle.js';
import { SimwatchError } from '../../errors.js';
import type { ActionSubject } from '../../coproduction/agreement.js';
import { consentStatementFor } from '../../register/coproduction/consent-for-action.js';
import { getAction, getPublication } from '../../register/coproduction/coproduction-repository.js';
import {
  carryOutAction,
  dissolveAgreement,
  giveConsent,
  proposeAction,
  publishAgreedStatement,
  withdrawConsent,
} from '../../register/coproduction/coproduction-service.js';
import type { RegisterDeps } from '../../register/register-deps.js';
import { canonicalJson } from '../../record/canonical-json.js';
import {
  defineRegisterCommand,
  requiredOption,
  stringOption,
  wholeNumber,
} from '../register/define-register-command.js';
import { idArgument, partyOption, signatureOption } from './agreement-options.js';
import { readPartyFile } from './agreement-file.js';
import { readAgreementAs } from './agreement-read-commands.js';
import { readText } from './party-key-commands.js';

/** The consent statement of an action, read by a member of the agreement. */
async function statementOf(
  deps: RegisterDeps,
  actionId: number,
  actor: string,
): Promise<ConsentStatement> {
  const action = await getAction(deps.database.db, actionId);
  const agreement = await readAgreementAs(deps, action.agreementId, actor);
  return consentStatementFor(action, agreement);
}

const subjectOptions = {
  publish: { type: 'string' },
  on: { type: 'string' },
  terms: { type: 'string' },
  'add-party': { type: 'string' },
  'remove-party': { type: 'string' },
  statement: { type: 'string' },
} as const;

/** `simwatch agreement propose ID ...`. */
export const proposeCommand = defineRegisterCommand({
  name: 'agreement propose',
  summary: 'Propose an action that needs every party’s consent',
  usage:
    'Usage: simwatch agreement propose ID (--publish DOC:VERSION --on YYYY-MM-DD | --terms FILE |\n' +
    '                                      --add-party FILE | --remove-party N | --statement FILE)\n' +
    '                                     [--actor USER] [--json]',
  help: `Proposes a binding action of agreement ID. It happens only with every party's signed
consent ("simwatch agreement statement", then "simwatch agreement consent").

Options:
  --publish DOC:VERSION --on DATE   Publish that version of document DOC on DATE
  --terms FILE                      Change the terms to the text of FILE
  --add-party FILE                  Add the party FILE describes (name, publicKey or
                                    publicKeyFile, members), as in "agreement create"
  --remove-party N                  Remove party N
  --statement FILE                  Send the public statement in FILE about the work`,
  options: subjectOptions,
  screening: false,
  async run({ positionals, values, deps, actor, json, print, terminal }) {
    const agreementId = idArgument(positionals, 'agreement id');
    const given = Object.keys(subjectOptions).filter(
      (name) => name !== 'on' && values[name] !== undefined,
    );
    if (given.length !== 1)
      throw new SimwatchError(
        'usage',
        'Cannot run this: give one of --publish, --terms, --add-party, --remove-party or --statement',
      );
    const file = (name: string) => {
      const path = requiredOption(values, name);
      return readText(resolve(terminal.cwd, path), path);
    };
    let subject: ActionSubject;
    let effectiveOn: string | null = null;
    switch (given[0]) {
      case 'publish': {
        const text = requiredOption(values, 'publish');
        const match = /^(\d+):(\d+)$/.exec(text.trim());
        if (!match)
          throw new SimwatchError(
            'usage',
            `Cannot use --publish "${text}": give a document and a version, such as 1:3`,
          );
        subject = {
          kind: 'publish',
          documentId: Number(match[1]),
          versionNumber: Number(match[2]),
        };
        effectiveOn = requiredOption(values, 'on');
        break;
      }
      case 'terms':
        subject = { kind: 'change_terms', text: await file('terms') };
        break;
      case 'add-party': {
        const path = requiredOption(values, 'add-party');
        subject = {
          kind: 'add_party',
          party: await readPartyFile(resolve(terminal.cwd, path), path),
        };
        break;
      }
      case 'remove-party':
        subject = {
          kind: 'remove_party',
          partyId: wholeNumber(requiredOption(values, 'remove-party'), '--remove-party'),
        };
        break;
      default:
        subject = { kind: 'public_statement', text: await file('statement') };
    }
    if (subject.kind !== 'publish' && stringOption(values.on) !== undefined)
      throw new SimwatchError('usage', 'Cannot run this: --on goes with --publish only');
    const proposed = await proposeAction(deps, { agreementId, subject, effectiveOn }, actor);
    print(
      json
        ? JSON.stringify(proposed)
        : `Proposed action ${proposed.actionId} (number ${proposed.number} of the agreement); each party consents with "simwatch agreement statement ${proposed.actionId}" and "simwatch agreement consent ${proposed.actionId}"`,
    );
    return 0;
  },
});

/** `simwatch agreement statement ACTION`. */
export const statementCommand = defineRegisterCommand({
  name: 'agreement statement',
  summary: 'Print the exact consent statement of an action, to sign',
  usage: 'Usage: simwatch agreement statement ACTION [--actor USER]',
  help: `Prints the consent statement of action ACTION: the exact JSON (RFC 8785 canonical)
a party signs to consent. Sign it with "simwatch agreement sign --key FILE
--statement -", or use "simwatch agreement consent --key FILE" to sign and submit.`,
  screening: false,
  async run({ positionals, deps, actor, print }) {
    print(canonicalJson(await statementOf(deps, idArgument(positionals, 'action id'), actor)));
    return 0;
  },
});

/** `simwatch agreement consent ACTION --party N (--signature SIG | --key FILE)`. */
export const consentCommand = defineRegisterCommand({
  name: 'agreement consent',
  summary: "Give your party's signed consent to an action",
  usage:
    'Usage: simwatch agreement consent ACTION --party N (--signature SIG | --key FILE) [--actor USER]',
  help: `Records party N's consent to action ACTION: its signature over the action's consent
statement. Give the signature (from "simwatch agreement sign"), or --key FILE to sign
here with the party's private key (read from the file, never sent or stored).`,
  options: { party: { type: 'string' }, signature: { type: 'string' }, key: { type: 'string' } },
  screening: false,
  async run({ positionals, values, deps, actor, print, terminal }) {
    const actionId = idArgument(positionals, 'action id');
    const partyId = partyOption(values);
    const signature = await signatureOption(values, terminal.cwd, async () =>
      consentBytes(await statementOf(deps, actionId, actor)),
    );
    await giveConsent(deps, { actionId, partyId, signature }, actor);
    const action = await getAction(deps.database.db, actionId);
    print(
      `Recorded party ${partyId}'s consent to action ${actionId}` +
        (action.state === 'carried_out'
          ? '; every party has consented and it has been carried out'
          : action.state === 'ready'
            ? '; every party has consented'
            : ''),
    );
    return 0;
  },
});

/** `simwatch agreement withdraw ACTION --party N`. */
export const withdrawCommand = defineRegisterCommand({
  name: 'agreement withdraw',
  summary: "Withdraw your party's consent before the action is carried out",
  usage: 'Usage: simwatch agreement withdraw ACTION --party N [--actor USER]',
  help: "Withdraws party N's consent to action ACTION; possible until it is carried out.",
  options: { party: { type: 'string' } },
  screening: false,
  async run({ positionals, values, deps, actor, print }) {
    const actionId = idArgument(positionals, 'action id');
    const partyId = partyOption(values);
    await withdrawConsent(deps, { actionId, partyId }, actor);
    print(`Withdrew party ${partyId}'s consent to action ${actionId}`);
    return 0;
  },
});

/** `simwatch agreement carry-out ACTION`. */
export const carryOutCommand = defineRegisterCommand({
  name: 'agreement carry-out',
  summary: 'Carry out an action every party consented to (publish on its date)',
  usage: 'Usage: simwatch agreement carry-out ACTION [--actor USER] [--json]',
  help: `Carries out action ACTION: for a publication, on or after its date and only with
every current party's unwithdrawn consent (the refusal names each party missing).`,
  screening: false,
  async run({ positionals, deps, actor, json, print }) {
    const actionId = idArgument(positionals, 'action id');
    const done = await carryOutAction(deps, { actionId }, actor);
    print(
      json
        ? JSON.stringify(done)
        : done.publicationId === null
          ? `Carried out action ${actionId}`
          : `Carried out action ${actionId}: publication ${done.publicationId} (/publications/${done.publicationId})`,
    );
    return 0;
  },
});

/** `simwatch agreement publish-agreed ACTION --party N --text T (--signature SIG | --key FILE)`. */
export const publishAgreedCommand = defineRegisterCommand({
  name: 'agreement publish-agreed',
  summary: 'Publish a signed statement that a version was agreed but not published',
  usage:
    'Usage: simwatch agreement publish-agreed ACTION --party N (--text TEXT | --text-file FILE)\n' +
    '                                          (--signature SIG | --key FILE) [--actor USER]',
  help: `Once the agreed date of publication action ACTION has passed without the version
being published, and every party had consented to it, any party may publish its own
statement that it was agreed, with every party's consent signatures as proof. The
statement is signed with the party's key: give the signature over the agreed
statement (made with "simwatch agreement sign"), or --key FILE to sign here.`,
  options: {
    party: { type: 'string' },
    text: { type: 'string' },
    'text-file': { type: 'string' },
    signature: { type: 'string' },
    key: { type: 'string' },
  },
  screening: false,
  async run({ positionals, values, deps, actor, json, print, terminal }) {
    const actionId = idArgument(positionals, 'action id');
    const partyId = partyOption(values);
    const textFile = stringOption(values['text-file']);
    const text =
      textFile === undefined
        ? requiredOption(values, 'text')
        : await readText(resolve(terminal.cwd, textFile), textFile);
    const signature = await signatureOption(values, terminal.cwd, async () => {
      const statement = await statementOf(deps, actionId, actor);
      return agreedStatementBytes({
        statement: 'simwatch co-production agreed-not-published, version 1',
        agreement: statement.agreement,
        action: statement.action.number,
        subjectHash: statement.subjectHash,
        text,
      });
    });
    const published = await publishAgreedStatement(
      deps,
      { actionId, partyId, text, signature },
      actor,
    );
    print(
      json
        ? JSON.stringify(published)
        : `Published the statement as publication ${published.publicationId} (/publications/${published.publicationId})`,
    );
    return 0;
  },
});

/** `simwatch agreement dissolve ID --party N --reason TEXT`. */
export const dissolveCommand = defineRegisterCommand({
  name: 'agreement dissolve',
  summary: 'Dissolve an agreement (any party may)',
  usage: 'Usage: simwatch agreement dissolve ID --party N --reason TEXT [--actor USER]',
  help: `Dissolves agreement ID for party N, with the reason. What happens to the drafts was
set in the terms; nothing binding can happen afterwards.`,
  options: { party: { type: 'string' }, reason: { type: 'string' } },
  screening: false,
  async run({ positionals, values, deps, actor, print }) {
    const agreementId = idArgument(positionals, 'agreement id');
    await dissolveAgreement(
      deps,
      { agreementId, partyId: partyOption(values), reason: requiredOption(values, 'reason') },
      actor,
    );
    print(`Dissolved agreement ${agreementId}`);
    return 0;
  },
});

/** `simwatch agreement bundle PUBLICATION [--out FILE]`. */
export const bundleCommand = defineRegisterCommand({
  name: 'agreement bundle',
  summary: 'Write a publication’s bundle, to check with verify-publication',
  usage: 'Usage: simwatch agreement bundle PUBLICATION [--out FILE]',
  help: `Writes the bundle of publication PUBLICATION (public: the same as
/publications/ID.json): its text, hash and every signature with its key. Anyone can
check it offline with "simwatch verify-publication FILE".`,
  options: { out: { type: 'string' } },
  screening: false,
  async run({ positionals, values, deps, print, terminal }) {
    const publication = await getPublication(
      deps.database.db,
      idArgument(positionals, 'publication id'),
    );
    const json = `${JSON.stringify(publicationBundle(publication), null, 2)}\n`;
    const out = stringOption(values.out);
    if (out === undefined) terminal.stdout.write(json);
    else {
      await writeFile(resolve(terminal.cwd, out), json);
      print(`Wrote the bundle of publication ${publication.id} to ${out}`);
    }
    return 0;
  },
});

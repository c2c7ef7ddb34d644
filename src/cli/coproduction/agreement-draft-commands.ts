import { resolve } from 'node:path';

import { findUser } from '../../accounts/users-service.js';
import { SimwatchError } from '../../errors.js';
import { getVersion } from '../../register/coproduction/coproduction-repository.js';
import {
  addComment,
  addVersion,
  changeMember,
  createAgreement,
  recordMeeting,
} from '../../register/coproduction/coproduction-service.js';
import {
  defineRegisterCommand,
  requiredOption,
  stringOption,
  wholeNumber,
} from '../register/define-register-command.js';
import { idArgument, partyList, partyOption } from './agreement-options.js';
import { readAgreementFile } from './agreement-file.js';
import { readText } from './party-key-commands.js';

/** `simwatch agreement create --file F`. */
export const createCommand = defineRegisterCommand({
  name: 'agreement create',
  summary: 'Set up an agreement from a file naming its parties, keys and members',
  usage: 'Usage: simwatch agreement create --file FILE [--actor ADMIN] [--json]',
  help: `Sets up a co-production agreement (administrators only; the administrator gains no
powers over it). FILE (YAML or JSON) gives title, purpose, principles (a list),
terms or termsFile, draftsOnDissolution (kept_confidential or released_to_parties)
and parties: each with name, organisationCode (optional), publicKey or
publicKeyFile (from "simwatch agreement key new") and members (username, mayAct).
The agreement then awaits every party's consent to its terms (action 1).
See docs/coproduction.md.`,
  options: { file: { type: 'string' } },
  screening: false,
  async run({ values, deps, actor, json, print, terminal }) {
    const file = requiredOption(values, 'file');
    const user = await findUser(deps.database.db, actor);
    if (user?.role !== 'administrator' || user.disabled)
      throw new SimwatchError(
        'forbidden',
        `Cannot set up an agreement as "${actor}": only an administrator may (give --actor ADMIN)`,
      );
    const input = await readAgreementFile(resolve(terminal.cwd, file), file);
    const created = await createAgreement(deps, input, actor);
    print(
      json
        ? JSON.stringify(created)
        : `Set up agreement ${created.agreementId} (${created.ref}); it awaits every party's consent to its terms (action 1)`,
    );
    return 0;
  },
});

/** `simwatch agreement member ID --party N --user U [--may-act] [--remove]`. */
export const memberCommand = defineRegisterCommand({
  name: 'agreement member',
  summary: 'Add, change or remove a member of your party',
  usage:
    'Usage: simwatch agreement member ID --party N --user USER [--may-act] [--remove] [--actor USER]',
  help: `Adds USER to party N of agreement ID (or changes whether they may act for it, or
removes them). Only the party's own members who may act change its membership.

Options:
  --may-act    They may act for the party: consent, withdraw, propose, publish
  --remove     Remove them from the party`,
  options: {
    party: { type: 'string' },
    user: { type: 'string' },
    'may-act': { type: 'boolean' },
    remove: { type: 'boolean' },
  },
  screening: false,
  async run({ positionals, values, deps, actor, print }) {
    const input = {
      agreementId: idArgument(positionals, 'agreement id'),
      partyId: partyOption(values),
      username: requiredOption(values, 'user'),
      mayAct: values['may-act'] === true,
      remove: values.remove === true,
    };
    await changeMember(deps, input, actor);
    print(
      input.remove
        ? `Removed ${input.username} from party ${input.partyId}`
        : `${input.username} is a member of party ${input.partyId}${input.mayAct ? ' who may act for it' : ''}`,
    );
    return 0;
  },
});

/** `simwatch agreement version ID --file F [--document N | --title T]`. */
export const versionCommand = defineRegisterCommand({
  name: 'agreement version',
  summary: 'Add a version of a joint document (or a new document)',
  usage:
    'Usage: simwatch agreement version ID --file FILE (--document N | --title TITLE)\n' +
    '                                    [--note TEXT] [--party N] [--actor USER] [--json]',
  help: `Adds FILE (Markdown) as the next version of document N of agreement ID, or as the
first version of a new document called TITLE, and prints its version hash.

Options:
  --note TEXT    What changed, for the other parties
  --party N      The party you drafted it for (when you are a member of several)`,
  options: {
    file: { type: 'string' },
    document: { type: 'string' },
    title: { type: 'string' },
    note: { type: 'string' },
    party: { type: 'string' },
  },
  screening: false,
  async run({ positionals, values, deps, actor, json, print, terminal }) {
    const agreementId = idArgument(positionals, 'agreement id');
    const file = requiredOption(values, 'file');
    const documentText = stringOption(values.document);
    const title = stringOption(values.title);
    if ((documentText === undefined) === (title === undefined))
      throw new SimwatchError(
        'usage',
        'Cannot run this: give --document N for a new version, or --title TITLE for a new document',
      );
    const party = stringOption(values.party);
    const added = await addVersion(
      deps,
      {
        agreementId,
        ...(documentText === undefined
          ? {}
          : { documentId: wholeNumber(documentText, '--document') }),
        ...(title === undefined ? {} : { title }),
        content: await readText(resolve(terminal.cwd, file), file),
        note: stringOption(values.note) ?? '',
        ...(party === undefined ? {} : { partyId: wholeNumber(party, '--party') }),
      },
      actor,
    );
    print(
      json
        ? JSON.stringify(added)
        : `Added version ${added.versionNumber} of document ${added.documentId} (hash ${added.hash})`,
    );
    return 0;
  },
});

/** `simwatch agreement comment DOC --version N --quote TEXT --body TEXT`. */
export const commentCommand = defineRegisterCommand({
  name: 'agreement comment',
  summary: 'Comment on a passage of a version',
  usage:
    'Usage: simwatch agreement comment DOC --version N --quote TEXT --body TEXT [--actor USER] [--json]',
  help: `Comments on the passage QUOTE (its exact words, as they appear in version N of
document DOC). The comment keeps the text around the passage, so it finds it again in
later versions.`,
  options: {
    version: { type: 'string' },
    quote: { type: 'string' },
    body: { type: 'string' },
  },
  screening: false,
  async run({ positionals, values, deps, actor, json, print }) {
    const documentId = idArgument(positionals, 'document id');
    const versionNumber = wholeNumber(requiredOption(values, 'version'), '--version');
    const exact = requiredOption(values, 'quote');
    const version = await getVersion(deps.database.db, documentId, versionNumber);
    const start = version.content.indexOf(exact);
    if (start < 0)
      throw new SimwatchError(
        'invalid_input',
        `Cannot comment: "${exact}" is not in version ${versionNumber} of document ${documentId}`,
      );
    const end = start + exact.length;
    const anchor = {
      exact,
      prefix: version.content.slice(Math.max(0, start - 32), start),
      suffix: version.content.slice(end, end + 32),
    };
    const added = await addComment(
      deps,
      { documentId, versionNumber, anchor, body: requiredOption(values, 'body') },
      actor,
    );
    print(json ? JSON.stringify(added) : `Added comment ${added.commentId}`);
    return 0;
  },
});

/** `simwatch agreement meeting ID ...`. */
export const meetingCommand = defineRegisterCommand({
  name: 'agreement meeting',
  summary: 'Record a meeting or decision: who was present, who was told',
  usage:
    'Usage: simwatch agreement meeting ID --kind meeting|decision --on YYYY-MM-DD --title TEXT\n' +
    '                                    --summary TEXT --present N,N [--told N,N] [--actor USER]',
  help: `Records a meeting (or a decision taken outside one) of agreement ID, with the parties
present (--present) and those told beforehand (--told). Any party in neither list is
shown to every party as not told.`,
  options: {
    kind: { type: 'string' },
    on: { type: 'string' },
    title: { type: 'string' },
    summary: { type: 'string' },
    present: { type: 'string' },
    told: { type: 'string' },
  },
  screening: false,
  async run({ positionals, values, deps, actor, json, print }) {
    const kind = requiredOption(values, 'kind');
    if (kind !== 'meeting' && kind !== 'decision')
      throw new SimwatchError('usage', `Cannot use --kind "${kind}": give meeting or decision`);
    const recorded = await recordMeeting(
      deps,
      {
        agreementId: idArgument(positionals, 'agreement id'),
        kind,
        heldOn: requiredOption(values, 'on'),
        title: requiredOption(values, 'title'),
        summary: requiredOption(values, 'summary'),
        presentPartyIds: partyList(values, 'present'),
        toldPartyIds: partyList(values, 'told'),
      },
      actor,
    );
    print(json ? JSON.stringify(recorded) : `Recorded ${kind} ${recorded.meetingId}`);
    return 0;
  },
});

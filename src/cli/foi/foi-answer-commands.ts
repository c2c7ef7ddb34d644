import { basename } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { requestStateNames, requestStates } from '../../foi/foi-request.js';
import { todayOf } from '../../register/calendar-date.js';
import { pageReadingNotes } from '../../register/documents/page-reading-notes.js';
import {
  answerClarification,
  askClarification,
  assuranceFromReply,
  attachReply,
  changeState,
  findRequestForReply,
  recordInReview,
} from '../../register/foi/foi-service.js';
import { features } from '../../register/status/register-facts.js';
import {
  defineRegisterCommand,
  listOption,
  requiredOption,
  stringOption,
  wholeNumber,
} from '../register/define-register-command.js';
import { readInputFile } from './read-input-file.js';

const stateCommand = defineRegisterCommand({
  name: 'foi state',
  summary: "Record an FOI request's new state",
  usage:
    'Usage: simwatch foi state REF STATE [--exemption SECTION]... [--on YYYY-MM-DD] [--note TEXT] [--json]',
  help: `Records the state a request is in from a day (default today). A refusal needs the
exemption it cites (s.12 cost limit, s.14 vexatious, s.21 to s.44 such as s.40(2)).

States: ${requestStates
    .filter((state) => state !== 'draft')
    .map((state) => `${state} (${requestStateNames[state]})`)
    .join(', ')}

Options:
  --exemption SECTION   An exemption cited (repeat, or separate with commas)
  --on DATE             The day it took effect (default today)`,
  screening: false,
  options: {
    exemption: { type: 'string', multiple: true },
    on: { type: 'string' },
    note: { type: 'string' },
  },
  fields: { state: 'STATE', onDay: '--on YYYY-MM-DD', exemptions: '--exemption SECTION' },
  async run({ positionals, values, deps, actor, json, print }) {
    const [ref, state] = positionals;
    if (ref === undefined || state === undefined)
      throw new SimwatchError('usage', 'Cannot record a state: give the reference and the state');
    const request = await changeState(
      deps,
      {
        requestRef: ref,
        state,
        onDay: stringOption(values.on) ?? todayOf(deps.now()),
        exemptions: listOption(values.exemption),
        note: stringOption(values.note) ?? null,
      },
      actor,
    );
    print(
      json
        ? JSON.stringify(request)
        : `${request.ref} is now "${requestStateNames[request.state]}"`,
    );
    return 0;
  },
});

const clarifyCommand = defineRegisterCommand({
  name: 'foi clarify',
  summary: 'Record that clarification was asked (and answered)',
  usage: 'Usage: simwatch foi clarify REF --asked YYYY-MM-DD [--answered YYYY-MM-DD] [--json]',
  help: `Records that the authority asked for clarification (the clock stops, FOIA s.1(3)) and,
with --answered (now or later), that it was given: the 20 working days start again.
To record only the answer of a clarification already recorded, give --answered alone.`,
  screening: false,
  options: { asked: { type: 'string' }, answered: { type: 'string' } },
  fields: { onDay: '--asked/--answered' },
  async run({ positionals, values, deps, actor, json, print }) {
    const [ref] = positionals;
    if (ref === undefined)
      throw new SimwatchError('usage', 'Cannot record a clarification: give the reference');
    const asked = stringOption(values.asked);
    const answered = stringOption(values.answered);
    if (asked === undefined && answered === undefined)
      throw new SimwatchError(
        'usage',
        'Cannot record a clarification: give --asked, --answered or both',
      );
    let request =
      asked === undefined
        ? undefined
        : await askClarification(deps, { requestRef: ref, askedOn: asked }, actor);
    if (answered !== undefined)
      request = await answerClarification(deps, { requestRef: ref, answeredOn: answered }, actor);
    if (request)
      print(
        json
          ? JSON.stringify(request)
          : `${request.ref} is now "${requestStateNames[request.state]}"`,
      );
    return 0;
  },
});

const replyCommand = defineRegisterCommand({
  name: 'foi reply',
  summary: 'Attach a reply to an FOI request: ingested and screened as a document',
  usage:
    'Usage: simwatch foi reply [REF] FILE [--received YYYY-MM-DD] [--state STATE] [--exemption SECTION]...\n' +
    '                          [--note TEXT] [--no-ocr] [--json]',
  help: `Attaches a reply (an email .eml, a PDF, a scan, a zip...): the file becomes a document of
the request's organisation, screened like any other, its source the request's reference.
Without REF, the reference is found in the email (its subject, text, or the request it
replies to).

Options:
  --received DATE       The day it arrived (default today)
  --state STATE         The request's state from then on (e.g. successful, refused)
  --exemption SECTION   An exemption the reply cites (for refused or partially_successful)
  --no-ocr              Do not read scanned pages by OCR (they are counted as not read)`,
  options: {
    'no-ocr': { type: 'boolean' },
    received: { type: 'string' },
    state: { type: 'string' },
    exemption: { type: 'string', multiple: true },
    note: { type: 'string' },
  },
  fields: {
    receivedOn: '--received YYYY-MM-DD',
    newState: '--state STATE',
    exemptions: '--exemption SECTION',
  },
  async run({ positionals, values, deps, actor, json, print, terminal }) {
    if (positionals.length === 0 || positionals.length > 2)
      throw new SimwatchError(
        'usage',
        'Cannot attach a reply: give the reference (optional for an email) and the file',
      );
    const file = positionals.at(-1) ?? '';
    const bytes = await readInputFile(terminal.cwd, file);
    let ref = positionals.length === 2 ? positionals[0] : undefined;
    if (ref === undefined) {
      const found = await findRequestForReply(deps, bytes);
      if (!found)
        throw new SimwatchError(
          'not_found',
          `Cannot find which request "${file}" answers: it quotes no SW-FOI reference the register holds; give the reference before the file`,
        );
      ref = found.ref;
    }
    const { reply, ingest } = await attachReply(
      deps,
      {
        requestRef: ref,
        receivedOn: stringOption(values.received) ?? todayOf(deps.now()),
        fileName: basename(file),
        bytes,
        newState: stringOption(values.state) ?? null,
        exemptions: listOption(values.exemption),
        note: stringOption(values.note) ?? null,
        ...(values['no-ocr'] === true ? { ocr: false } : {}),
      },
      actor,
    );
    if (json) print(JSON.stringify({ reply, ingest }));
    else {
      print(
        `Attached reply ${reply.id} to ${ref}` +
          (ingest
            ? `: document ${ingest.documentId}${ingest.duplicate ? ' (already in the register)' : ''}, ${ingest.findings} finding${ingest.findings === 1 ? '' : 's'} pending review`
            : ''),
      );
      if (ingest) for (const note of pageReadingNotes(ingest)) print(`  ${note}`);
    }
    return 0;
  },
});

const assuranceCommand = defineRegisterCommand({
  name: 'foi assurance',
  summary: 'Record a reply as an assurance that a feature is not used',
  usage:
    'Usage: simwatch foi assurance REPLY_ID --feature FEATURE [--text TEXT] [--given-by NAME] [--json]',
  help: `Records, in one step, the reply as the organisation's assurance that it does not use
a feature, given on the day the reply arrived, sourced to the request and the reply's
document.

Features: ${features.join(', ')}`,
  screening: false,
  options: {
    feature: { type: 'string' },
    text: { type: 'string' },
    'given-by': { type: 'string' },
  },
  fields: { feature: '--feature FEATURE' },
  async run({ positionals, values, deps, actor, json, print }) {
    const replyId = wholeNumber(positionals[0], 'the reply id');
    const id = await assuranceFromReply(
      deps,
      {
        replyId,
        feature: requiredOption(values, 'feature'),
        text: stringOption(values.text) ?? null,
        givenBy: stringOption(values['given-by']) ?? null,
      },
      actor,
    );
    print(
      json ? JSON.stringify({ assuranceId: id }) : `Recorded assurance ${id} from reply ${replyId}`,
    );
    return 0;
  },
});

const returnCommand = defineRegisterCommand({
  name: 'foi return',
  summary: "Record a refused or unanswered request in a review's return",
  usage: 'Usage: simwatch foi return REF --review NAME [--json]',
  help: `Records what a request shows in the organisation's return to a review: a refusal is a
response citing its exemptions; a request still awaiting its reply is no response.`,
  screening: false,
  options: { review: { type: 'string' } },
  async run({ positionals, values, deps, actor, json, print }) {
    const [ref] = positionals;
    if (ref === undefined)
      throw new SimwatchError('usage', 'Cannot record a return: give the reference');
    const id = await recordInReview(
      deps,
      { requestRef: ref, reviewName: requiredOption(values, 'review') },
      actor,
    );
    print(
      json ? JSON.stringify({ returnId: id }) : `Recorded return ${id} from ${ref.toUpperCase()}`,
    );
    return 0;
  },
});

/** The commands that record what happened to a request after it was sent. */
export const foiAnswerCommands = [
  stateCommand,
  clarifyCommand,
  replyCommand,
  assuranceCommand,
  returnCommand,
];

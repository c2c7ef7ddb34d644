import { SimwatchError } from '../../errors.js';
import {
  requestStateNames,
  requestStates,
  type BatchTarget,
  type FoiRequestWithDeadline,
} from '../../foi/foi-request.js';
import {
  batchTargetKinds,
  createBatch,
  draftRequest,
  getBatch,
  getRequest,
  importFoiContacts,
  listRequests,
  setFoiContact,
  type RequestFilter,
} from '../../register/foi/foi-service.js';
import { checkChoice } from '../../register/validate-input.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  requiredOption,
  stringOption,
} from '../register/define-register-command.js';
import { readInputFile } from './read-input-file.js';

const contactSetCommand = defineRegisterCommand({
  name: 'foi contact set',
  summary: "Set an organisation's FOI email address",
  usage: 'Usage: simwatch foi contact set CODE EMAIL [--source URL] [--json]',
  help: `Sets (or replaces) the address FOI requests to the organisation are emailed to.

Options:
  --source URL   Where the address was found`,
  screening: false,
  options: { source: { type: 'string' } },
  async run({ positionals, values, deps, actor, json, print }) {
    const [code, email] = positionals;
    if (code === undefined || email === undefined || positionals.length > 2)
      throw new SimwatchError(
        'usage',
        'Cannot set an FOI address: give a code and an email address',
      );
    await setFoiContact(
      deps,
      { organisationCode: code, email, source: stringOption(values.source) ?? null },
      actor,
    );
    print(
      json
        ? JSON.stringify({ organisationCode: code, email })
        : `Set the FOI address of ${code} to ${email}`,
    );
    return 0;
  },
});

const contactImportCommand = defineRegisterCommand({
  name: 'foi contact import',
  summary: "Set organisations' FOI addresses from a CSV file",
  usage: 'Usage: simwatch foi contact import FILE.csv [--json]',
  help: `Sets the FOI addresses listed in a CSV file with a header row and the columns
code,email and, optionally, source (where the address was found). All or none are set.`,
  screening: false,
  async run({ positionals, deps, actor, json, print, terminal }) {
    const [file] = positionals;
    if (file === undefined)
      throw new SimwatchError('usage', 'Cannot import FOI addresses: give a CSV file');
    const count = await importFoiContacts(
      deps,
      (await readInputFile(terminal.cwd, file)).toString('utf8'),
      actor,
    );
    print(
      json ? JSON.stringify({ set: count }) : `Set ${count} FOI address${count === 1 ? '' : 'es'}`,
    );
    return 0;
  },
});

const textOptions = {
  subject: { type: 'string' },
  body: { type: 'string' },
  'body-file': { type: 'string' },
} as const;

async function bodyOf(
  values: Record<string, string | boolean | string[] | undefined>,
  cwd: string,
): Promise<string> {
  const file = stringOption(values['body-file']);
  if (file !== undefined) return (await readInputFile(cwd, file)).toString('utf8');
  return requiredOption(values, 'body');
}

const draftCommand = defineRegisterCommand({
  name: 'foi draft',
  summary: 'Draft an FOI request to one organisation',
  usage:
    'Usage: simwatch foi draft --org CODE --subject TEXT (--body TEXT | --body-file FILE) [--json]',
  help: `Drafts a request (not sent, not public). {organisation} in the text becomes the
organisation's name. Send it with "simwatch foi send REF".`,
  screening: false,
  options: { org: { type: 'string' }, ...textOptions },
  fields: { subject: '--subject TEXT', body: '--body TEXT' },
  async run({ values, deps, actor, json, print, terminal }) {
    const request = await draftRequest(
      deps,
      {
        organisationCode: requiredOption(values, 'org'),
        subject: requiredOption(values, 'subject'),
        body: await bodyOf(values, terminal.cwd),
      },
      actor,
    );
    print(json ? JSON.stringify(request) : `Drafted ${request.ref} to ${request.organisationName}`);
    return 0;
  },
});

/** The target a `--to` names: a kind of organisation or a list of codes. */
export function parseBatchTarget(text: string): BatchTarget {
  const kind = (
    batchTargetKinds as Record<string, (typeof batchTargetKinds)[keyof typeof batchTargetKinds]>
  )[text.trim()];
  if (kind) return { kind };
  const codes = text
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
  if (codes.length === 0)
    throw new SimwatchError(
      'usage',
      `Cannot use --to "${text}": give ${Object.keys(batchTargetKinds).join(', ')} or a list of codes such as RX4,RXA`,
    );
  return { kind: 'organisations', codes };
}

const batchCommand = defineRegisterCommand({
  name: 'foi batch',
  summary: 'Draft one request to many organisations',
  usage:
    'Usage: simwatch foi batch --to mental-health-trusts|ambulance-trusts|police-forces|CODE,CODE\n' +
    '                          --title TEXT --subject TEXT (--body TEXT | --body-file FILE)\n' +
    '                          [--region REGION] [--json]',
  help: `Drafts the request to every current organisation of a kind (closed ones are left out),
or to the organisations listed by code, each a request of its own with its own reference.
{organisation} in the text becomes each organisation's name.

Options:
  --region REGION   Only organisations in this NHS England region (e.g. London)`,
  screening: false,
  options: {
    to: { type: 'string' },
    title: { type: 'string' },
    region: { type: 'string' },
    ...textOptions,
  },
  fields: {
    title: '--title TEXT',
    subject: '--subject TEXT',
    body: '--body TEXT',
    target: '--to',
    region: '--region REGION',
  },
  async run({ values, deps, actor, json, print, terminal }) {
    const region = stringOption(values.region);
    const batch = await createBatch(
      deps,
      {
        title: requiredOption(values, 'title'),
        subject: requiredOption(values, 'subject'),
        body: await bodyOf(values, terminal.cwd),
        target: parseBatchTarget(requiredOption(values, 'to')),
        ...(region ? { region } : {}),
      },
      actor,
    );
    print(
      json
        ? JSON.stringify(batch)
        : `Drafted batch ${batch.ref}: ${batch.requestIds.length} request${batch.requestIds.length === 1 ? '' : 's'}. ` +
            `Send them with "simwatch foi send --batch ${batch.ref}" or export them with "simwatch foi export --batch ${batch.ref}"`,
    );
    return 0;
  },
});

/** One line per request: reference, organisation, state, sent, due and how late. */
export function formatRequestLines(requests: readonly FoiRequestWithDeadline[]): string[] {
  if (requests.length === 0) return ['No requests'];
  return requests.map((request) =>
    [
      request.ref,
      request.organisationCode.padEnd(6),
      requestStateNames[request.state].padEnd(22),
      `sent ${request.sentOn ?? '-         '}`,
      `due ${request.dueOn ?? '-         '}`,
      request.timeliness === 'overdue' || request.timeliness === 'long_overdue'
        ? `${request.timeliness === 'long_overdue' ? 'LONG OVERDUE' : 'OVERDUE'} by ${request.workingDaysOverdue} working day${request.workingDaysOverdue === 1 ? '' : 's'}`
        : '',
      request.organisationName,
    ]
      .filter(Boolean)
      .join('  '),
  );
}

const listCommand = defineRegisterCommand({
  name: 'foi list',
  summary: 'List FOI requests with their states and due dates',
  usage:
    'Usage: simwatch foi list [--overdue] [--state STATE] [--org CODE] [--batch REF] [--drafts] [--json]',
  help: `Lists sent requests (drafts too with --drafts), oldest first, with their due dates
(20 working days after receipt, UK bank holidays skipped) and whether they are overdue.

Options:
  --overdue        Only overdue requests (long overdue ones included)
  --state STATE    Only requests in this state: ${requestStates.join(', ')}
  --org CODE       Only requests to this organisation
  --batch REF      Only requests of this batch
  --drafts         Include drafts`,
  screening: false,
  options: {
    overdue: { type: 'boolean' },
    state: { type: 'string' },
    org: { type: 'string' },
    batch: { type: 'string' },
    drafts: { type: 'boolean' },
  },
  async run({ values, deps, json, print }) {
    const stateText = stringOption(values.state);
    const org = stringOption(values.org);
    const batchRef = stringOption(values.batch);
    const filter: RequestFilter = {
      ...(values.overdue === true ? { timeliness: 'overdue_any' as const } : {}),
      ...(stateText ? { state: checkChoice(stateText, requestStates, 'the state') } : {}),
      ...(org ? { organisationCode: org } : {}),
      ...(batchRef ? { batchId: (await getBatch(deps, batchRef)).id } : {}),
      includeDrafts: values.drafts === true,
    };
    const requests = await listRequests(deps, filter);
    if (json) print(JSON.stringify(requests));
    else for (const line of formatRequestLines(requests)) print(line);
    if (
      !json &&
      !filter.includeDrafts &&
      filter.state === undefined &&
      filter.timeliness === undefined
    ) {
      // Drafts are left out by default; say so, or a batch just drafted would look lost.
      const drafts = await listRequests(deps, { ...filter, state: 'draft', includeDrafts: true });
      if (drafts.length > 0)
        print(
          `${drafts.length} draft${drafts.length === 1 ? '' : 's'} not sent yet (simwatch foi list --drafts)`,
        );
    }
    return 0;
  },
});

const overdueCommand = defineRegisterCommand({
  name: 'foi overdue',
  summary: 'List overdue FOI requests',
  usage: 'Usage: simwatch foi overdue [--json]',
  help: 'Lists requests past their statutory due date, long overdue ones (40 working days) included.',
  screening: false,
  async run({ deps, json, print }) {
    const requests = await listRequests(deps, { timeliness: 'overdue_any' });
    if (json) print(JSON.stringify(requests));
    else for (const line of formatRequestLines(requests)) print(line);
    return 0;
  },
});

const showCommand = defineRegisterCommand({
  name: 'foi show',
  summary: 'Show an FOI request: its text, dates, replies and history',
  usage: 'Usage: simwatch foi show REF [--json]',
  help: 'Shows a request (REF such as SW-FOI-000123) with its replies and state history.',
  screening: false,
  async run({ positionals, deps, json, print }) {
    const [ref] = positionals;
    if (ref === undefined)
      throw new SimwatchError('usage', 'Cannot show a request: give its reference');
    const request = await getRequest(deps, ref);
    if (json) {
      print(JSON.stringify(request));
      return 0;
    }
    print(`${request.ref}: ${request.subject}`);
    print(
      `To: ${request.organisationName} (${request.organisationCode})${request.contactEmail ? ` <${request.contactEmail}>` : ''}`,
    );
    if (request.batch) print(`Batch: ${request.batch.ref} (${request.batch.title})`);
    print(
      `State: ${requestStateNames[request.state]}${request.exemptions.length > 0 ? `, citing ${request.exemptions.join(', ')}` : ''}`,
    );
    if (request.sentOn)
      print(
        `Sent: ${request.sentOn}${request.sentVia === 'export' ? ' (elsewhere)' : ' by email'}`,
      );
    if (request.dueOn)
      print(
        `Due: ${request.dueOn}${request.timeliness === 'overdue' || request.timeliness === 'long_overdue' ? ` (${request.timeliness.replace('_', ' ')} by ${request.workingDaysOverdue} working days)` : ''}`,
      );
    if (request.respondedOn) print(`Responded: ${request.respondedOn}`);
    for (const clarification of request.clarifications)
      print(
        `Clarification asked ${clarification.askedOn}, ${clarification.answeredOn ? `answered ${clarification.answeredOn}` : 'awaited'}`,
      );
    print('');
    print(request.body);
    print('');
    for (const reply of request.replies)
      print(
        `Reply ${reply.id} received ${reply.receivedOn} (${reply.kind})${reply.documentId === null ? '' : `: document ${reply.documentId}, ${reply.documentTitle ?? ''}`}`,
      );
    for (const change of request.history)
      print(
        `${change.onDay}  ${requestStateNames[change.from]} -> ${requestStateNames[change.to]}  by ${change.changedBy}${change.note ? ` (${change.note})` : ''}`,
      );
    return 0;
  },
});

/** The request commands, for the `foi` group. */
export const foiRequestCommands = [
  defineCommandGroup('foi contact', "Set organisations' FOI addresses", [
    contactSetCommand,
    contactImportCommand,
  ]),
  draftCommand,
  batchCommand,
  listCommand,
  overdueCommand,
  showCommand,
];

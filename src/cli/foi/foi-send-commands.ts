import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { requestRefPattern, type FoiRequestWithDeadline } from '../../foi/foi-request.js';
import { createConfiguredSender } from '../../foi/sending/create-configured-sender.js';
import { exportRequestsCsv, exportWhatDoTheyKnowBatch } from '../../foi/sending/export-requests.js';
import {
  getBatch,
  getRequest,
  recordSentElsewhere,
  sendRequests,
} from '../../register/foi/foi-service.js';
import type { RegisterDeps } from '../../register/register-deps.js';
import { checkChoice } from '../../register/validate-input.js';
import { defineRegisterCommand, stringOption } from '../register/define-register-command.js';

/** The requests named by a reference or `--batch REF`. */
async function chosenRequests(
  deps: RegisterDeps,
  positionals: string[],
  batchRef: string | undefined,
): Promise<FoiRequestWithDeadline[]> {
  if (batchRef !== undefined) return (await getBatch(deps, batchRef)).requests;
  if (positionals.length === 0)
    throw new SimwatchError('usage', 'Cannot run this: give request references or --batch REF');
  const requests = [];
  for (const ref of positionals) {
    if (!requestRefPattern.test(ref.toUpperCase()))
      throw new SimwatchError(
        'usage',
        `Cannot use "${ref}" as a request reference: they look like SW-FOI-000123`,
      );
    requests.push(await getRequest(deps, ref));
  }
  return requests;
}

const sendCommand = defineRegisterCommand({
  name: 'foi send',
  summary: 'Email drafted FOI requests to their organisations',
  usage: 'Usage: simwatch foi send (REF... | --batch REF) [--json]',
  help: `Emails each drafted request to its organisation's FOI address, through the SMTP server
SIMWATCH_SMTP_URL, from SIMWATCH_FOI_FROM. Each is recorded as sent (on today's date, with
its Message-ID) as soon as the server accepts it. A request whose organisation has no
FOI address stays a draft and is listed: add the address (simwatch foi contact set) or
export it (simwatch foi export) and send it elsewhere. Exits 1 when any could not be sent.`,
  screening: false,
  options: { batch: { type: 'string' } },
  async run({ positionals, values, deps, actor, json, print }) {
    const requests = await chosenRequests(deps, positionals, stringOption(values.batch));
    const drafts = requests.filter((request) => request.state === 'draft');
    if (drafts.length === 0)
      throw new SimwatchError('conflict', 'Cannot send: none of these requests is a draft');
    const sender = createConfiguredSender(deps.config.foi);
    let outcome;
    try {
      outcome = await sendRequests(
        deps,
        { requestIds: drafts.map((request) => request.id), sender },
        actor,
      );
    } finally {
      await sender.close();
    }
    if (json)
      print(
        JSON.stringify({
          sent: outcome.sent.map((request) => request.ref),
          failed: outcome.failed.map((each) => ({ ref: each.request.ref, reason: each.reason })),
        }),
      );
    else {
      print(
        `Sent ${outcome.sent.length} of ${drafts.length} request${drafts.length === 1 ? '' : 's'}`,
      );
      for (const each of outcome.failed) print(`Not sent ${each.request.ref}: ${each.reason}`);
    }
    return outcome.failed.length > 0 ? 1 : 0;
  },
});

const exportFormats = ['whatdotheyknow', 'csv', 'json'] as const;

const exportCommand = defineRegisterCommand({
  name: 'foi export',
  summary: 'Export requests to send elsewhere (WhatDoTheyKnow batch CSV, CSV, JSON)',
  usage:
    'Usage: simwatch foi export (REF... | --batch REF) [--format whatdotheyknow|csv|json]\n' +
    '                           [--output FILE] [--mark-sent YYYY-MM-DD]',
  help: `Writes the requests to standard output (or --output FILE): as the CSV a WhatDoTheyKnow
batch request needs (authority name, ODS code, subject, text, simwatch reference: see
docs/foi.md), as a CSV of every field, or as JSON.

Options:
  --format FORMAT        whatdotheyknow (default), csv or json
  --mark-sent DATE       Record the drafts among them as sent elsewhere on DATE, once
                         written: the statutory clock runs from then`,
  screening: false,
  options: {
    batch: { type: 'string' },
    format: { type: 'string' },
    output: { type: 'string' },
    'mark-sent': { type: 'string' },
  },
  fields: { sentOn: '--mark-sent YYYY-MM-DD' },
  async run({ positionals, values, deps, actor, print, terminal }) {
    const format = checkChoice(
      stringOption(values.format) ?? 'whatdotheyknow',
      exportFormats,
      'the format',
    );
    const requests = await chosenRequests(deps, positionals, stringOption(values.batch));
    const text =
      format === 'json'
        ? `${JSON.stringify(requests, null, 2)}\n`
        : format === 'csv'
          ? exportRequestsCsv(requests)
          : exportWhatDoTheyKnowBatch(requests);
    const output = stringOption(values.output);
    if (output === undefined) terminal.stdout.write(text);
    else await writeFile(resolve(terminal.cwd, output), text);
    const markSent = stringOption(values['mark-sent']);
    if (markSent !== undefined) {
      const drafts = requests.filter((request) => request.state === 'draft');
      if (drafts.length > 0)
        await recordSentElsewhere(
          deps,
          { requestIds: drafts.map((request) => request.id), sentOn: markSent },
          actor,
        );
      terminal.stderr.write(
        `Recorded ${drafts.length} request${drafts.length === 1 ? '' : 's'} as sent elsewhere on ${markSent}\n`,
      );
    }
    if (output !== undefined) print(`Wrote ${requests.length} requests to ${output}`);
    return 0;
  },
});

/** Sending requests: by email from here, or exported to send elsewhere. */
export const foiSendCommands = [sendCommand, exportCommand];

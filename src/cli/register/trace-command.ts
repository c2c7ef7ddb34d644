import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { traceExcerpt } from '../../coproduction/marking/trace-excerpt.js';
import { SimwatchError } from '../../errors.js';
import {
  listMarkedDownloads,
  type MarkedDownload,
} from '../../register/coproduction/coproduction-repository.js';
import { defineRegisterCommand, stringOption } from './define-register-command.js';

/** The name a recipient is shown by: the account and its party. */
function recipientLabel(download: MarkedDownload): string {
  return `${download.username} (${download.partyName})`;
}

function parseAgreementId(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text))
    throw new SimwatchError(
      'usage',
      `Cannot use --agreement "${text}": give an agreement's number`,
    );
  return Number(text);
}

async function readExcerptFile(file: string, cwd: string): Promise<string> {
  let text;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new SimwatchError(
      'unreadable',
      `Cannot read "${file}": ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  if (text.trim() === '')
    throw new SimwatchError('empty_file', `Cannot trace "${file}": it is empty`);
  return text;
}

function describeDownload(download: MarkedDownload): string {
  return (
    `downloaded version ${download.versionNumber} of document ${download.documentId} ` +
    `(agreement ${download.agreementId}) on ${download.at}`
  );
}

/** `simwatch trace FILE [--agreement ID]`: which recipient's marked copy a leaked excerpt matches. */
export const traceCommand = defineRegisterCommand({
  name: 'trace',
  summary: 'Name the recipient whose marked copy a leaked excerpt matches, with confidence',
  usage: 'Usage: simwatch trace FILE [--agreement ID] [--json]',
  help: `Compares a leaked excerpt (text copied, pasted or retyped from a co-production draft)
with every marked download recorded in the register, and names the recipient whose
copy it matches, with the confidence and the evidence (how many of the marked wording
and spacing choices it shows agree with that copy, and with the next closest). No one
is named below a confidence of 0.99: an excerpt too short to cover enough marked
choices, or copied from the unmarked text, is reported as such.

Options:
  --agreement ID   Compare only with the downloads of this agreement
  --json           Print the result as JSON`,
  options: { agreement: { type: 'string' } },
  screening: false,
  async run({ values, positionals, deps, terminal, json, print }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new SimwatchError('usage', 'Cannot trace: give one file holding the excerpt');
    const agreementId = parseAgreementId(stringOption(values.agreement));
    const excerpt = await readExcerptFile(file, terminal.cwd);
    const downloads = await listMarkedDownloads(deps.database.db, agreementId);
    if (downloads.length === 0)
      throw new SimwatchError(
        'not_found',
        `Cannot trace "${file}": no marked downloads are recorded` +
          (agreementId === undefined ? '' : ` for agreement ${agreementId}`),
      );
    const result = traceExcerpt(
      excerpt,
      downloads.map((download) => ({
        id: download.accessId,
        label: recipientLabel(download),
        content: download.content,
        seed: download.markSeed,
      })),
    );
    const byId = new Map(downloads.map((download) => [download.accessId, download]));
    const best = result.best === null ? undefined : byId.get(result.best.id);
    if (json) {
      print(
        JSON.stringify({
          recipient:
            best === undefined
              ? null
              : {
                  accessId: best.accessId,
                  username: best.username,
                  partyName: best.partyName,
                  agreementId: best.agreementId,
                  documentId: best.documentId,
                  versionNumber: best.versionNumber,
                  downloadedAt: best.at,
                },
          confidence: result.confidence,
          evidence: result.evidence,
          matches: result.matches.slice(0, 10),
        }),
      );
      return 0;
    }
    print(
      `Compared "${file}" with ${downloads.length} marked download${downloads.length === 1 ? '' : 's'}.`,
    );
    print(
      best === undefined
        ? 'Recipient: none can be named with confidence'
        : `Recipient: ${recipientLabel(best)}, who ${describeDownload(best)}`,
    );
    print(`Confidence: ${describeConfidence(result.confidence)}`);
    print(`Evidence: ${result.evidence}`);
    return 0;
  },
});

/** The confidence to four places, never rounded up to a certainty no trace can have. */
function describeConfidence(confidence: number): string {
  const shown = confidence.toFixed(4);
  return shown === '1.0000' ? 'over 0.9999' : shown;
}

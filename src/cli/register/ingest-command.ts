import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';

import { describeError, SimwatchError } from '../../errors.js';
import { documentKinds } from '../../register/documents/document.js';
import {
  ingestDocument,
  maxFindingsPerDocument,
  type IngestResult,
} from '../../register/documents/ingest-document.js';
import { pageReadingNotes } from '../../register/documents/page-reading-notes.js';
import { defaultExtractionLimits } from '../../extract/extraction-limits.js';
import { formatSize } from '../../extract/format-size.js';
import { defaultTimeoutSeconds } from '../../pipeline/screening-pool.js';
import { walkFolder } from '../walk-folder.js';
import { defineRegisterCommand, listOption, stringOption } from './define-register-command.js';

/** `simwatch ingest`: adds documents to the register, screened. */
export const ingestCommand = defineRegisterCommand({
  name: 'ingest',
  summary: 'Add documents to the register: stored, screened, findings pending review',
  usage:
    'Usage: simwatch ingest FILE|FOLDER... --org CODE [--org CODE] [--type TYPE] [--date YYYY-MM-DD]\n' +
    '                       [--source URL_OR_REF] [--obtained HOW] [--title TEXT] [--private] [--no-ocr] [--json]',
  help: `Stores each original (by its SHA-256, never altered), extracts its text,
screens it and records the document, its pages and its findings, each file in
one transaction. The same bytes twice change nothing. Each file is read and
screened in a worker thread with the limits of "simwatch screen": at most
${formatSize(defaultExtractionLimits.maxFileBytes)}, ${defaultTimeoutSeconds} s and a memory cap; devices and pipes are refused.
A document keeps at most ${maxFindingsPerDocument} findings. A file that cannot be read is
reported and the others carry on; the exit status is then 2.

Pages without a text layer (scans, images) are read by OCR, and marked as such
with the engine's confidence. A page that could not be read is counted and
shown: its document is never called clean. With --no-ocr such pages stay
unread, and as the same bytes are never ingested twice, they stay so.

Options:
  --org CODE         The organisation(s) the document is from or about (required)
  --type TYPE        ${documentKinds.join(', ')} (default: other)
  --date DATE        The document's date, YYYY-MM-DD
  --source TEXT      Where it came from: a URL or an FOI reference
  --obtained TEXT    How it was obtained (FOI request, published, supplied...)
  --title TEXT       A title (default: from the file name)
  --private          Keep the original from public download
  --no-ocr           Do not read pages without a text layer by OCR
  --actor NAME       Who is adding it
  --json             One JSON line per file`,
  options: {
    org: { type: 'string', multiple: true },
    type: { type: 'string', default: 'other' },
    date: { type: 'string' },
    source: { type: 'string' },
    obtained: { type: 'string' },
    title: { type: 'string' },
    private: { type: 'boolean' },
    'no-ocr': { type: 'boolean' },
  },
  async run({ positionals, values, deps, actor, json, print, terminal }) {
    if (positionals.length === 0)
      throw new SimwatchError('usage', 'Cannot ingest: give at least one file or folder');
    const organisationCodes = listOption(values.org);
    if (organisationCodes.length === 0)
      throw new SimwatchError('usage', 'Cannot ingest: --org CODE is required');
    const files: string[] = [];
    for (const input of positionals) {
      const path = resolve(terminal.cwd, input);
      const isFolder = await stat(path).then(
        (info) => info.isDirectory(),
        () => false,
      );
      files.push(...(isFolder ? (await walkFolder(path)).map((task) => task.path) : [path]));
    }
    let failed = 0;
    for (const file of files) {
      try {
        // The pipeline's worker reads the file: regular files within the size limit only.
        const result = await ingestDocument(deps, {
          path: file,
          fileName: file,
          title: stringOption(values.title) ?? null,
          organisationCodes,
          docType: stringOption(values.type) ?? 'other',
          documentDate: stringOption(values.date) ?? null,
          source: stringOption(values.source) ?? null,
          obtained: stringOption(values.obtained) ?? null,
          public: values.private !== true,
          ...(values['no-ocr'] === true ? { ocr: false } : {}),
          actor,
        });
        print(
          json
            ? JSON.stringify({ path: file, ...result, error: null })
            : describe(file, result, correctionHint(values)),
        );
      } catch (error) {
        const problem = describeError(error);
        // Bad options are the same for every file: stop at once.
        if (problem.code === 'invalid_input' || problem.code === 'not_found') throw error;
        failed += 1;
        if (json) print(JSON.stringify({ path: file, error: problem }));
        else terminal.stderr.write(`${file}: ${problem.message}\n`);
      }
    }
    return failed > 0 ? 2 : 0;
  },
});

/**
 * The `simwatch document edit` options that would set the details given to `ingest`, for a file
 * already in the register (ingest never changes a document; a correction is its own event).
 */
function correctionHint(values: Record<string, string | boolean | string[] | undefined>): string {
  const quoted = (text: string) => (/^[\w.:/-]+$/.test(text) ? text : JSON.stringify(text));
  const options = [
    ['title', stringOption(values.title)],
    ['date', stringOption(values.date)],
    ['source', stringOption(values.source)],
  ].flatMap(([name, value]) => (value === undefined ? [] : [`--${name} ${quoted(value)}`]));
  if (values.private === true) options.push('--private');
  return [...options, '--reason "..."'].join(' ');
}

function describe(file: string, result: IngestResult, hint = '--reason "..."'): string {
  if (result.duplicate)
    return (
      `${file}: already in the register as document ${result.documentId}; nothing changed. ` +
      `To correct its details: simwatch document edit ${result.documentId} ${hint}`
    );
  const warnings =
    result.warnings.length > 0 ? `; ${result.warnings.map((w) => w.message).join('; ')}` : '';
  const omitted =
    result.findingsOmitted > 0
      ? `; ${result.findingsOmitted} more finding(s) not recorded (at most ${maxFindingsPerDocument} a document)`
      : '';
  const lines = [
    `${file}: document ${result.documentId}, ${result.pages} page(s), ${result.findings} finding(s) pending review${omitted}${warnings}`,
    ...pageReadingNotes(result).map((note) => `  ${note}`),
  ];
  for (const child of result.children)
    lines.push(
      child.result
        ? describe(child.name, child.result)
        : `${child.name}: ${child.error?.message ?? 'not read'}`,
    );
  return lines.join('\n');
}

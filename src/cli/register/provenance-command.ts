import { basename, resolve } from 'node:path';

import {
  findReuse,
  type ReusedPassage,
  type SourceVersion,
} from '../../coproduction/provenance/find-reuse.js';
import { publicationConsent } from '../../coproduction/provenance/publication-consent.js';
import { SimwatchError } from '../../errors.js';
import { extractDocument, readFileForExtraction } from '../../extract/extract-document.js';
import { createArchiveBudget, defaultExtractionLimits } from '../../extract/extraction-limits.js';
import { recordAccess } from '../../register/coproduction/coproduction-service.js';
import { readReuseSources } from '../../register/coproduction/read-reuse-sources.js';
import { defineRegisterCommand, requiredOption } from './define-register-command.js';

/** The outside text, whatever its format (text, Markdown, PDF, DOCX...), as the screener reads it. */
async function readOutsideText(path: string, name: string): Promise<string> {
  const limits = { ...defaultExtractionLimits };
  const bytes = await readFileForExtraction(path, limits, name);
  const extracted = await extractDocument(bytes, {
    name,
    depth: 0,
    limits,
    budget: createArchiveBudget(limits),
  });
  return extracted.pages.map((page) => page.text).join('\n\n');
}

/** "Crisis policy" versions 1, 2 and 3; "Letter" version 2. */
function describeVersions(versions: SourceVersion[]): string {
  const byDocument = new Map<string, number[]>();
  for (const version of versions)
    byDocument.set(version.documentTitle, [
      ...(byDocument.get(version.documentTitle) ?? []),
      version.versionNumber,
    ]);
  return [...byDocument.entries()]
    .map(([title, numbers]) => {
      const list =
        numbers.length === 1
          ? String(numbers[0])
          : `${numbers.slice(0, -1).join(', ')} and ${String(numbers.at(-1))}`;
      return `"${title}" version${numbers.length === 1 ? '' : 's'} ${list}`;
    })
    .join('; ');
}

function describePassage(
  index: number,
  passage: ReusedPassage,
  statement: string,
  file: string,
): string {
  return [
    `${index + 1}. "${passage.outside.text}"`,
    `   (${file}, characters ${passage.outside.start} to ${passage.outside.end})`,
    `   Draft passage: "${passage.draft}"`,
    `   Similarity: ${passage.similarity.toFixed(2)}${passage.verbatim ? ' (word for word)' : ' (adapted)'}`,
    `   In: ${describeVersions(passage.versions)}`,
    `   ${statement}`,
  ].join('\n');
}

/** `simwatch provenance FILE --agreement ID`: passages of an outside text reused from confidential drafts. */
export const provenanceCommand = defineRegisterCommand({
  name: 'provenance',
  summary: "Find passages of an outside text reused from an agreement's confidential drafts",
  usage: 'Usage: simwatch provenance FILE --agreement ID [--actor USERNAME] [--json]',
  help: `Reports the passages of FILE (a letter, a press release, a published policy: text,
Markdown, PDF, DOCX...) that reuse or adapt passages of the agreement's joint documents:
each with the draft passage, its similarity (0 to 1), every version that contained it, and
whether publication of that passage had every party's consent. Only a member of one of the
agreement's parties (--actor) may run it: it reads the confidential drafts, and each version
it quotes from is recorded in the agreement's access log as viewed by that member.

Options:
  --agreement ID       The agreement whose drafts to compare with
  --actor USERNAME     The member running it (default: the configured actor)
  --json               One JSON object: the passages, with the same details`,
  options: { agreement: { type: 'string' } },
  screening: false,
  fields: { agreementId: '--agreement ID' },
  async run({ positionals, values, deps, actor, json, print }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new SimwatchError('usage', 'Cannot check provenance: give one file');
    const agreementText = requiredOption(values, 'agreement');
    const agreementId = Number(agreementText);
    if (!/^\d+$/.test(agreementText) || !Number.isSafeInteger(agreementId))
      throw new SimwatchError(
        'usage',
        `Cannot use --agreement "${agreementText}": give the agreement's number, such as 1`,
      );
    const { sources, actions, partyIds } = await readReuseSources(
      deps.database.db,
      agreementId,
      actor,
    );
    const text = await readOutsideText(resolve(file), basename(file));
    const passages = findReuse(text, sources).map((passage) => ({
      ...passage,
      consent: publicationConsent(passage.versions, actions, partyIds),
    }));
    // The report quotes the drafts: each version quoted from is recorded as viewed, as on the web.
    const quoted = new Map(
      passages
        .flatMap((passage) => passage.versions)
        .map((version) => [`${version.documentId}/${version.versionNumber}`, version]),
    );
    for (const { documentId, versionNumber } of quoted.values())
      await recordAccess(deps, { documentId, versionNumber, kind: 'view' }, actor);
    if (json) {
      print(JSON.stringify({ agreementId, file: basename(file), passages }));
      return 0;
    }
    const name = basename(file);
    print(
      passages.length === 0
        ? `No passage of "${name}" reuses the drafts of agreement ${agreementId} (${sources.length} version${sources.length === 1 ? '' : 's'} compared).`
        : `${passages.length} passage${passages.length === 1 ? '' : 's'} of "${name}" reuse${passages.length === 1 ? 's' : ''} the drafts of agreement ${agreementId}:`,
    );
    passages.forEach((passage, index) => {
      print(`\n${describePassage(index, passage, passage.consent.statement, name)}`);
    });
    return 0;
  },
});

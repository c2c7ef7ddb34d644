import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { buildOpenData } from '../../register/open-data/build-open-data.js';
import {
  dictionaryFile,
  figuresFile,
  openDataFile,
} from '../../register/open-data/open-data-file.js';
import { publishOpenData } from '../../register/open-data/publish-open-data.js';
import { checkChoice } from '../../register/validate-input.js';
import { defineRegisterCommand, requiredOption, stringOption } from './define-register-command.js';

/** `simwatch export`: the register as open data files, or published as one zip. */
export const exportCommand = defineRegisterCommand({
  name: 'export',
  summary: 'Write the register as open data (CSV or JSON), or publish it as one zip',
  usage: 'Usage: simwatch export --format csv|json|zip --out FOLDER',
  help: `Writes organisations, documents' metadata, evidence (confirmed findings, one
row per organisation and finding, with excerpts redacted of personal data),
assurances, returns, statuses with their reasons, national figures, the signed
checkpoints, the data dictionary and the public key.
Pending and rejected findings and reviewers' names are not exported.

Links in the files start with SIMWATCH_PUBLIC_URL.

  --format zip   Publishes all of it as open-data.zip: the zip's SHA-256 (and
                 each file's) is recorded in the signed record, the web site
                 offers that zip for download, and the zip is written to FOLDER.`,
  screening: false,
  options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } },
  async run({ values, deps, print, terminal, signingKey, actor }) {
    const format = checkChoice(
      stringOption(values.format) ?? 'csv',
      ['csv', 'json', 'zip'] as const,
      'format',
    );
    const folder = resolve(terminal.cwd, requiredOption(values, 'out'));
    await mkdir(folder, { recursive: true });
    const baseUrl = deps.config.web.publicUrl;
    const publicKeyPem = (await signingKey()).publicKeyPem;
    if (format === 'zip') {
      const { publication, zip } = await publishOpenData(deps, { baseUrl, publicKeyPem }, actor);
      await writeFile(join(folder, publication.fileName), zip);
      print(
        `Published ${join(folder, publication.fileName)} (${publication.files.length} files, ${zip.length} bytes), recorded in event ${publication.seq}`,
      );
      print(`SHA-256 ${publication.sha256}`);
      return 0;
    }
    const data = await buildOpenData(deps.database.db, { baseUrl });
    for (const table of data.tables) {
      await writeFile(join(folder, `${table.name}.${format}`), openDataFile(table, format));
    }
    await writeFile(join(folder, 'figures.json'), figuresFile(data.figures));
    await writeFile(join(folder, `data-dictionary.${format}`), dictionaryFile(format));
    await writeFile(join(folder, 'record-public-key.pem'), publicKeyPem);
    print(
      `Wrote ${data.tables.length} ${format.toUpperCase()} tables, figures.json, data-dictionary.${format} and record-public-key.pem to ${folder}`,
    );
    return 0;
  },
});

import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { buildOpenData } from '../../register/open-data/build-open-data.js';
import { figuresFile, openDataFile } from '../../register/open-data/open-data-file.js';
import { checkChoice } from '../../register/validate-input.js';
import { defineRegisterCommand, requiredOption, stringOption } from './define-register-command.js';

/** `simwatch export`: the register as open data files. */
export const exportCommand = defineRegisterCommand({
  name: 'export',
  summary: 'Write the register as open data (CSV or JSON)',
  usage: 'Usage: simwatch export --format csv|json --out FOLDER',
  help: `Writes organisations, documents' metadata, evidence (confirmed findings, with
excerpts redacted of personal data), assurances, returns, statuses with their
reasons, national figures, the signed checkpoints and the public key.
Pending and rejected findings and reviewers' names are not exported.`,
  options: { format: { type: 'string', default: 'csv' }, out: { type: 'string' } },
  async run({ values, deps, print, terminal, signingKey }) {
    const format = checkChoice(
      stringOption(values.format) ?? 'csv',
      ['csv', 'json'] as const,
      'format',
    );
    const folder = resolve(terminal.cwd, requiredOption(values, 'out'));
    await mkdir(folder, { recursive: true });
    const data = await buildOpenData(deps.database.db);
    for (const table of data.tables) {
      await writeFile(join(folder, `${table.name}.${format}`), openDataFile(table, format));
    }
    await writeFile(join(folder, 'figures.json'), figuresFile(data.figures));
    await writeFile(join(folder, 'record-public-key.pem'), (await signingKey()).publicKeyPem);
    print(
      `Wrote ${data.tables.length} ${format.toUpperCase()} tables, figures.json and record-public-key.pem to ${folder}`,
    );
    return 0;
  },
});

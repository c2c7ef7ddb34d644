import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';
import { organisationKinds } from '../../register/organisations/organisation.js';
import { listOrganisations } from '../../register/organisations/organisations-repository.js';
import {
  importOrganisations,
  linkOrganisations,
} from '../../register/organisations/organisations-service.js';
import { parseOrganisationCsv } from '../../register/organisations/parse-organisation-csv.js';
import { checkChoice } from '../../register/validate-input.js';
import {
  defineCommandGroup,
  defineRegisterCommand,
  stringOption,
} from './define-register-command.js';

const importCommand = defineRegisterCommand({
  name: 'org import',
  summary: 'Import organisations from a CSV reference list',
  usage: 'Usage: simwatch org import FILE.csv... [--kind KIND] [--actor NAME] [--json]',
  help: `Adds the organisations in each CSV file, or updates those already known by code
(a changed name is kept among the former names). Reads the lists in reference-data/
(mental health trusts, ambulance trusts and ICBs by ODS code, police forces, health
innovation networks) with their ICB, opening and closing dates and successors, and
simwatch's own format: code,name,kind,region,former_names,source_url and optionally
icb_code,opened,closed,successor_codes. To load every list at once, see
"simwatch init --organisations england".

Options:
  --kind KIND    The kind for every row: ${organisationKinds.join(', ')}
  --actor NAME   Who is importing (default: SIMWATCH_ACTOR or your login name)
  --json         Print the counts as JSON`,
  options: { kind: { type: 'string' } },
  async run({ positionals, values, deps, actor, json, print, terminal }) {
    if (positionals.length === 0)
      throw new SimwatchError('usage', 'Cannot import: give a CSV file');
    const kindText = stringOption(values.kind);
    const kind =
      kindText === undefined ? undefined : checkChoice(kindText, organisationKinds, 'kind');
    const totals = { added: 0, updated: 0, unchanged: 0 };
    for (const file of positionals) {
      const text = await readFile(resolve(terminal.cwd, file), 'utf8').catch((error: unknown) => {
        throw new SimwatchError(
          'unreadable',
          `Cannot read "${file}": ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      const summary = await importOrganisations(
        deps,
        parseOrganisationCsv(text, { kind, file }),
        actor,
      );
      totals.added += summary.added;
      totals.updated += summary.updated;
      totals.unchanged += summary.unchanged;
      if (!json)
        print(
          `${file}: ${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged`,
        );
    }
    if (json) print(JSON.stringify(totals));
    return 0;
  },
});

const listCommand = defineRegisterCommand({
  name: 'org list',
  summary: 'List the organisations in the register',
  usage: 'Usage: simwatch org list [--kind KIND] [--json]',
  help: 'Lists every organisation: code, kind, region and name.',
  options: { kind: { type: 'string' } },
  async run({ values, deps, json, print }) {
    const kind = stringOption(values.kind);
    const organisations = (await listOrganisations(deps.database.db)).filter(
      (org) => kind === undefined || org.kind === kind,
    );
    if (json) print(JSON.stringify(organisations, null, 2));
    else
      for (const org of organisations)
        print(
          `${org.code.padEnd(12)} ${org.kind.padEnd(26)} ${(org.region ?? '').padEnd(28)} ${org.name}`,
        );
    return 0;
  },
});

const linkCommand = defineRegisterCommand({
  name: 'org link',
  summary: 'Record that one organisation works with another',
  usage: 'Usage: simwatch org link CODE OTHER_CODE [--relation TEXT] [--actor NAME]',
  help: `Records a relationship, such as a trust working with a police force.

Options:
  --relation TEXT   What the relationship is (default: works_with)`,
  options: { relation: { type: 'string', default: 'works_with' } },
  async run({ positionals, values, deps, actor, print }) {
    const [code, linkedCode] = positionals;
    if (!code || !linkedCode)
      throw new SimwatchError('usage', 'Cannot link: give two organisation codes');
    const relation = stringOption(values.relation) ?? 'works_with';
    await linkOrganisations(deps, { code, linkedCode, relation }, actor);
    print(`Linked ${code} ${relation} ${linkedCode}`);
    return 0;
  },
});

/** `simwatch org ...`: organisations. */
export const orgCommand = defineCommandGroup('org', 'Import, list and link organisations', [
  importCommand,
  listCommand,
  linkCommand,
]);

import { countEvents } from '../../register/ledger/record-reads.js';
import {
  organisationKindNames,
  organisationKinds,
} from '../../register/organisations/organisation.js';
import { organisationSetNames } from '../../register/organisations/organisation-sets.js';
import { listOrganisations } from '../../register/organisations/organisations-repository.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { readOrganisationSet } from '../../register/organisations/read-organisation-set.js';
import { summariseOrganisations } from '../../register/organisations/summarise-organisations.js';
import { defineRegisterCommand, stringOption } from './define-register-command.js';

/** `simwatch init`: creates the register (database, document store, signing key). */
export const initCommand = defineRegisterCommand({
  name: 'init',
  summary: 'Create the register: its database, document store and signing key',
  usage: 'Usage: simwatch init [--organisations SET] [--actor NAME] [--json]',
  help: `Creates the register if it does not exist, and says where it is. Safe to run again.

The register lives in SIMWATCH_DATA_DIR (default ./data): an SQLite database
(simwatch.db), the original documents (documents/) and the key that signs the
record's checkpoints (record-signing-key.pem: keep it safe and private). With
DATABASE_URL=postgres://... the database is PostgreSQL instead.

Options:
  --organisations SET   Also import a set of real organisations from reference-data/:
                        ${organisationSetNames.join(', ')} (every NHS mental health trust, current
                        and closed, ambulance trust, integrated care board and police force
                        in England, the British Transport Police and the health innovation
                        networks). Running it again updates them, without duplicates.
  --actor NAME          Who is importing (default: SIMWATCH_ACTOR or your login name)
  --json                Print the summary as JSON`,
  options: { organisations: { type: 'string' } },
  fields: { organisations: '--organisations SET' },
  async run({ values, deps, actor, json, print, signingKey }) {
    const setName = stringOption(values.organisations);
    // Read the set before changing anything, so an unknown name or a broken list changes nothing.
    const set = setName === undefined ? undefined : await readOrganisationSet(setName);
    const key = await signingKey();
    const imported = set && (await importOrganisations(deps, set, actor));
    const counts =
      set && summariseOrganisations(await listOrganisations(deps.database.db), deps.now());
    const summary = {
      database: deps.database.location,
      engine: deps.database.dialect,
      documents: deps.config.documentsDir,
      signingKey: deps.config.signingKeyPath,
      keyId: key.keyId,
      events: await countEvents(deps.database.db),
      ...(imported && counts && { organisations: { set: setName, ...imported, ...counts } }),
    };
    if (json) print(JSON.stringify(summary, null, 2));
    else {
      print(`Register ready (${summary.engine}): ${summary.database}`);
      print(`Documents: ${summary.documents}`);
      print(`Signing key ${summary.keyId}: ${summary.signingKey}`);
      print(`Events in the record: ${summary.events}`);
      if (imported && counts) {
        print(
          `Organisations (${String(setName)}): ${imported.added} added, ${imported.updated} updated, ${imported.unchanged} unchanged`,
        );
        print(
          `The register holds ${counts.total} organisations: ${counts.current} current, ${counts.closed} closed`,
        );
        for (const kind of organisationKinds) {
          const count = counts.byKind[kind];
          if (count !== undefined) print(`  ${organisationKindNames[kind]}: ${count}`);
        }
      }
    }
    return 0;
  },
});

import { countEvents } from '../../register/ledger/record-reads.js';
import { defineRegisterCommand } from './define-register-command.js';

/** `simwatch init`: creates the register (database, document store, signing key). */
export const initCommand = defineRegisterCommand({
  name: 'init',
  summary: 'Create the register: its database, document store and signing key',
  usage: 'Usage: simwatch init [--json]',
  help: `Creates the register if it does not exist, and says where it is. Safe to run again.

The register lives in SIMWATCH_DATA_DIR (default ./data): an SQLite database
(simwatch.db), the original documents (documents/) and the key that signs the
record's checkpoints (record-signing-key.pem: keep it safe and private). With
DATABASE_URL=postgres://... the database is PostgreSQL instead.`,
  async run({ deps, json, print, signingKey }) {
    const key = await signingKey();
    const summary = {
      database: deps.database.location,
      engine: deps.database.dialect,
      documents: deps.config.documentsDir,
      signingKey: deps.config.signingKeyPath,
      keyId: key.keyId,
      events: await countEvents(deps.database.db),
    };
    if (json) print(JSON.stringify(summary, null, 2));
    else {
      print(`Register ready (${summary.engine}): ${summary.database}`);
      print(`Documents: ${summary.documents}`);
      print(`Signing key ${summary.keyId}: ${summary.signingKey}`);
      print(`Events in the record: ${summary.events}`);
    }
    return 0;
  },
});

import { resolve } from 'node:path';

import { verifyPublicationBundle } from '../../coproduction/publication-bundle.js';
import { SimwatchError } from '../../errors.js';
import { defineOfflineCommand } from '../define-offline-command.js';
import { readText } from './party-key-commands.js';

/** `simwatch verify-publication FILE`: checks a publication bundle offline. */
export const verifyPublicationCommand = defineOfflineCommand({
  name: 'verify-publication',
  summary: 'Check a co-produced publication offline: its text, hash and every signature',
  usage: 'Usage: simwatch verify-publication FILE [--json]',
  help: `Checks a publication bundle (the JSON linked from its public page,
/publications/ID.json) with no access to the register: the text hashes to the hash
every party signed, each signature verifies with that party's public key over the
consent statement, each key id is its key's, and at least two parties signed.

Exits 0 when it verifies, 1 with every problem found when it does not.

Options:
  --json    Print {"ok": true, "summary": ...} or {"ok": false, "problems": [...]}`,
  async run({ positionals, terminal, json, print }) {
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0)
      throw new SimwatchError(
        'usage',
        'Cannot run simwatch verify-publication: give one bundle file',
      );
    let bundle: unknown;
    try {
      bundle = JSON.parse(await readText(resolve(terminal.cwd, file), file));
    } catch (error) {
      if (error instanceof SimwatchError) throw error;
      throw new SimwatchError('invalid_input', `Cannot verify "${file}": it is not JSON`);
    }
    const verdict = verifyPublicationBundle(bundle);
    if (json) {
      print(JSON.stringify(verdict));
      return verdict.ok ? 0 : 1;
    }
    if (!verdict.ok) {
      print(`"${file}" does NOT verify:`);
      for (const problem of verdict.problems) print(`  - ${problem}`);
      return 1;
    }
    const s = verdict.summary;
    const what =
      s.kind === 'version'
        ? `${s.documentTitle ?? 'A document'}, version ${s.versionNumber ?? '?'}, published on the agreed date ${s.effectiveOn ?? ''}`
        : s.kind === 'public_statement'
          ? 'A public statement about the work'
          : `${s.statementBy ?? 'A party'}'s statement that ${s.documentTitle ?? 'a document'}, version ${s.versionNumber ?? '?'}, was agreed for publication on ${s.effectiveOn ?? ''}`;
    print(`"${file}" verifies.`);
    print(what);
    print(`Agreement: ${s.agreementTitle} (${s.agreementRef}), action ${s.actionNumber}`);
    print(`Hash: ${s.subjectHash}`);
    print(`Signed by every party:`);
    for (const party of s.parties) print(`  - ${party.name} (key ${party.keyId})`);
    return 0;
  },
});

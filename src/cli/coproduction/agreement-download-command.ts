import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

import { markCopy } from '../../coproduction/marking/mark-copy.js';
import { todayOf } from '../../register/calendar-date.js';
import { recordAccess } from '../../register/coproduction/coproduction-service.js';
import { readVersionForMember } from '../../register/coproduction/read-for-member.js';
import {
  defineRegisterCommand,
  requiredOption,
  wholeNumber,
} from '../register/define-register-command.js';
import { idArgument } from './agreement-options.js';

/** `simwatch agreement download DOC --version N --out FILE`. */
export const downloadCommand = defineRegisterCommand({
  name: 'agreement download',
  summary: 'Write your own marked copy of a version (the download is recorded)',
  usage: 'Usage: simwatch agreement download DOC --version N --out FILE [--actor USER]',
  help: `Writes your copy of version N of joint document DOC to FILE. The download is
recorded, and the copy carries a disclosed mark that identifies you as its recipient
(a notice at the top says so): "simwatch trace" can tell whose copy a leaked excerpt
came from.`,
  options: { version: { type: 'string' }, out: { type: 'string' } },
  screening: false,
  async run({ positionals, values, deps, actor, print, terminal }) {
    const documentId = idArgument(positionals, 'document id');
    const versionNumber = wholeNumber(requiredOption(values, 'version'), '--version');
    const out = requiredOption(values, 'out');
    const { version, party } = await readVersionForMember(
      deps.database.db,
      documentId,
      versionNumber,
      actor,
    );
    const { markSeed } = await recordAccess(
      deps,
      { documentId, versionNumber, kind: 'download' },
      actor,
    );
    const copy = markCopy(version.content, {
      label: `${actor} (${party.name})`,
      seed: markSeed ?? '',
      date: todayOf(deps.now()),
    });
    await writeFile(resolve(terminal.cwd, out), copy, { mode: 0o600 });
    print(
      `Wrote your marked copy of version ${versionNumber} to ${out} (the download is recorded)`,
    );
    return 0;
  },
});

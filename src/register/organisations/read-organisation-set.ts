import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { SimwatchError } from '../../errors.js';
import type { OrganisationInput } from './organisation.js';
import {
  organisationSetNames,
  parseEnglandOrganisations,
  referenceFileNames,
  type ReferenceFiles,
} from './organisation-sets.js';

/** The reference lists shipped with simwatch (see `reference-data/SOURCES.md`). */
export const referenceDataDir = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

/** Reads a named set of organisations from the reference lists; `invalid_input` for an unknown name. */
export async function readOrganisationSet(
  name: string,
  options: { dir?: string } = {},
): Promise<OrganisationInput[]> {
  if (!organisationSetNames.some((known) => known === name))
    throw new SimwatchError(
      'invalid_input',
      `Cannot load organisations "${name}": the sets are ${organisationSetNames.join(', ')}`,
    );
  const dir = options.dir ?? referenceDataDir;
  const entries = await Promise.all(
    Object.entries(referenceFileNames).map(async ([key, file]) => {
      const text = await readFile(join(dir, file), 'utf8').catch((error: unknown) => {
        throw new SimwatchError(
          'unreadable',
          `Cannot read "${join(dir, file)}": ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      return [key, text] as const;
    }),
  );
  return parseEnglandOrganisations(Object.fromEntries(entries) as unknown as ReferenceFiles);
}

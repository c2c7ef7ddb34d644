import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SimwatchError } from '../../errors.js';

/**
 * The text documents (.txt, .md) of a folder, with a README describing them left out: ordinary
 * documents for counting false leads.
 */
export function readOrdinaryDocuments(folder: string): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch (error) {
    throw new SimwatchError(
      'unreadable',
      `Cannot read the ordinary documents in "${folder}": ${String(error)}`,
    );
  }
  return names
    .filter((name) => /\.(txt|md)$/i.test(name) && !/^readme\b/i.test(name))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }));
}

import { dirname, resolve } from 'node:path';

import { parse } from 'yaml';

import {
  draftsOnDissolutionChoices,
  type DraftsOnDissolution,
  type NewParty,
} from '../../coproduction/agreement.js';
import { SimwatchError } from '../../errors.js';
import { readText } from './party-key-commands.js';

/** What `simwatch agreement create --file` reads: the agreement with its parties. */
export interface AgreementFile {
  title: string;
  purpose: string;
  principles: string[];
  termsText: string;
  draftsOnDissolution: DraftsOnDissolution;
  parties: NewParty[];
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads a YAML or JSON file as an object, or an error naming the file. */
async function readObject(path: string, shown: string): Promise<Json> {
  const text = await readText(path, shown);
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    throw new SimwatchError(
      'invalid_input',
      `Cannot read "${shown}": it is not YAML or JSON (${(error as Error).message.split('\n')[0] ?? ''})`,
    );
  }
  if (!isObject(value))
    throw new SimwatchError(
      'invalid_input',
      `Cannot read "${shown}": it is not a mapping of names to values`,
    );
  return value;
}

/** A required text field, or an error naming it and the file. */
function text(object: Json, name: string, where: string): string {
  const value = object[name];
  if (typeof value !== 'string' || value.trim() === '')
    throw new SimwatchError(
      'invalid_input',
      `Cannot read ${where}: "${name}" is missing or not text`,
    );
  return value;
}

/** Text given inline as `name`, or read from the file `nameFile` beside the file that names it. */
async function textOrFile(
  object: Json,
  name: string,
  where: string,
  folder: string,
): Promise<string> {
  const file = object[`${name}File`];
  if (typeof file === 'string') return readText(resolve(folder, file), file);
  if (object[name] === undefined)
    throw new SimwatchError(
      'invalid_input',
      `Cannot read ${where}: give "${name}" or "${name}File"`,
    );
  return text(object, name, where);
}

/** A party as a file or the create file describes it. */
async function readParty(value: unknown, where: string, folder: string): Promise<NewParty> {
  if (!isObject(value))
    throw new SimwatchError('invalid_input', `Cannot read ${where}: it is not a party`);
  const name = text(value, 'name', where);
  const at = `${where} (${name})`;
  const code = value.organisationCode;
  if (code !== undefined && code !== null && typeof code !== 'string')
    throw new SimwatchError('invalid_input', `Cannot read ${at}: "organisationCode" is not text`);
  const members = value.members;
  if (!Array.isArray(members) || members.length === 0)
    throw new SimwatchError(
      'invalid_input',
      `Cannot read ${at}: "members" must list at least one member`,
    );
  return {
    name,
    organisationCode: typeof code === 'string' ? code : null,
    publicKeyPem: await textOrFile(value, 'publicKey', at, folder),
    members: members.map((member, index) => {
      if (typeof member === 'string') return { username: member, mayAct: false };
      if (!isObject(member) || typeof member.username !== 'string')
        throw new SimwatchError(
          'invalid_input',
          `Cannot read ${at}: member ${index + 1} has no "username"`,
        );
      if (member.mayAct !== undefined && typeof member.mayAct !== 'boolean')
        throw new SimwatchError(
          'invalid_input',
          `Cannot read ${at}: "mayAct" of ${member.username} is not true or false`,
        );
      return { username: member.username, mayAct: member.mayAct === true };
    }),
  };
}

/** Reads a party file (`propose --add-party FILE`). */
export async function readPartyFile(path: string, shown: string): Promise<NewParty> {
  return readParty(await readObject(path, shown), `"${shown}"`, dirname(path));
}

/** Reads the agreement file of `simwatch agreement create --file`. */
export async function readAgreementFile(path: string, shown: string): Promise<AgreementFile> {
  const object = await readObject(path, shown);
  const where = `"${shown}"`;
  const folder = dirname(path);
  const principles = object.principles;
  if (!Array.isArray(principles) || !principles.every((p) => typeof p === 'string'))
    throw new SimwatchError(
      'invalid_input',
      `Cannot read ${where}: "principles" must be a list of texts`,
    );
  const drafts = object.draftsOnDissolution ?? 'kept_confidential';
  if (!draftsOnDissolutionChoices.includes(drafts as DraftsOnDissolution))
    throw new SimwatchError(
      'invalid_input',
      `Cannot read ${where}: "draftsOnDissolution" is ${JSON.stringify(drafts)}, not one of ${draftsOnDissolutionChoices.join(', ')}`,
    );
  const parties = object.parties;
  if (!Array.isArray(parties))
    throw new SimwatchError('invalid_input', `Cannot read ${where}: "parties" must be a list`);
  return {
    title: text(object, 'title', where),
    purpose: text(object, 'purpose', where),
    principles,
    termsText: await textOrFile(object, 'terms', where, folder),
    draftsOnDissolution: drafts as DraftsOnDissolution,
    parties: await Promise.all(
      parties.map((party, index) => readParty(party, `party ${index + 1} in ${where}`, folder)),
    ),
  };
}

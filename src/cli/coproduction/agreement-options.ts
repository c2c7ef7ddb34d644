import { sign } from 'node:crypto';
import { resolve } from 'node:path';

import { SimwatchError } from '../../errors.js';
import type { Agreement } from '../../coproduction/agreement.js';
import { requiredOption, stringOption, wholeNumber } from '../register/define-register-command.js';
import { readPrivateKey } from './party-key-commands.js';

type Values = Record<string, string | boolean | string[] | undefined>;

/** The one id a command acts on (its first positional), or a usage error naming what it is. */
export function idArgument(positionals: readonly string[], what: string): number {
  if (positionals.length > 1)
    throw new SimwatchError(
      'usage',
      `Cannot run this: give one ${what}, not ${positionals.length}`,
    );
  return wholeNumber(positionals[0], what);
}

/** `--party N`: the party's number. */
export function partyOption(values: Values): number {
  return wholeNumber(requiredOption(values, 'party'), '--party');
}

/** A list of party numbers (`--present 1,2`). */
export function partyList(values: Values, name: string): number[] {
  const text = stringOption(values[name]);
  if (text === undefined || text.trim() === '') return [];
  return text.split(',').map((item) => wholeNumber(item.trim(), `--${name}`));
}

/**
 * The signature to submit: `--signature SIG` as given, or made here with `--key FILE` over
 * `bytes` (the key is read from the file, used, and never sent or stored).
 */
export async function signatureOption(
  values: Values,
  cwd: string,
  bytes: () => Promise<Buffer>,
): Promise<string> {
  const given = stringOption(values.signature);
  const keyFile = stringOption(values.key);
  if ((given === undefined) === (keyFile === undefined))
    throw new SimwatchError(
      'usage',
      'Cannot run this: give either --signature SIG (made with "simwatch agreement sign") or --key FILE',
    );
  if (given !== undefined) return given.trim();
  const key = await readPrivateKey(resolve(cwd, keyFile ?? ''), keyFile ?? '');
  return sign(null, await bytes(), key).toString('base64');
}

/** The party of an agreement by its number, or `not_found` naming the agreement's parties. */
export function partyOf(agreement: Agreement, partyId: number) {
  const party = agreement.parties.find((candidate) => candidate.id === partyId);
  if (!party)
    throw new SimwatchError(
      'not_found',
      `Cannot find party ${partyId} in agreement ${agreement.id}: its parties are ${agreement.parties.map((p) => `${p.id} (${p.name})`).join(', ')}`,
    );
  return party;
}

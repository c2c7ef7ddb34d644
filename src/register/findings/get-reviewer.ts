import type { Kysely } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema } from '../../store/schema.js';

/** The roles whose accounts may decide findings (reviewers and those above them). */
const reviewingRoles: readonly string[] = ['reviewer', 'administrator'];

/**
 * The user name a decision is recorded under: that of the enabled account, allowed to review,
 * that `name` names without regard to case (so `Rev1` and `rev1` are one reviewer). Throws, with
 * the field `reviewer`, when there is no such account, or it is disabled or only a viewer; the
 * message starts with `action` ("record a decision by" unless told otherwise).
 */
export async function getReviewer(
  db: Kysely<DatabaseSchema>,
  name: string,
  options: { action?: string; field?: string } = {},
): Promise<string> {
  const wanted = name.trim().toLowerCase();
  const account = await db
    .selectFrom('users')
    .select(['username', 'role', 'disabled'])
    .where('username', '=', wanted)
    .executeTakeFirst();
  const refuse = (code: 'not_found' | 'invalid_input', detail: string) =>
    new SimwatchError(
      code,
      `Cannot ${options.action ?? 'record a decision by'} "${name}": ${detail}`,
      {
        field: options.field ?? 'reviewer',
      },
    );
  if (!account) throw refuse('not_found', 'there is no account with this user name');
  if (account.disabled === 1)
    throw refuse('invalid_input', `the account "${account.username}" is disabled`);
  if (!reviewingRoles.includes(account.role))
    throw refuse(
      'invalid_input',
      `the account "${account.username}" is a ${account.role}; only reviewers and administrators decide findings`,
    );
  return account.username;
}

import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

/**
 * Whether a workspace account of this name exists (enabled or not): a party's members must be
 * accounts. The register writes accounts from the record (see apply-event); reading one here
 * keeps it from depending on the accounts layer above it.
 */
export async function accountExists(
  db: Kysely<DatabaseSchema>,
  username: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('username')
    .where('username', '=', username)
    .executeTakeFirst();
  return row !== undefined;
}

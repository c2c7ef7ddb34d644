import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

/** Whether the register holds a document with this id. */
export async function documentExists(db: Kysely<DatabaseSchema>, id: number): Promise<boolean> {
  const row = await db.selectFrom('documents').select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

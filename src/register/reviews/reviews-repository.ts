import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

/** A national review, by id and name. */
export interface ReviewName {
  id: number;
  name: string;
}

/** Every review, newest first. */
export function listReviews(db: Kysely<DatabaseSchema>): Promise<ReviewName[]> {
  return db.selectFrom('reviews').select(['id', 'name']).orderBy('id', 'desc').execute();
}

/** The review with this name, if there is one. */
export function findReviewByName(
  db: Kysely<DatabaseSchema>,
  name: string,
): Promise<ReviewName | undefined> {
  return db
    .selectFrom('reviews')
    .select(['id', 'name'])
    .where('name', '=', name)
    .executeTakeFirst();
}

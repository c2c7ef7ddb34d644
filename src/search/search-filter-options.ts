import type { RegisterDatabase } from '../store/create-database.js';
import { countEvents } from '../store/record-repository.js';

/** The choices the search form offers that depend on what the register holds. */
export interface SearchFilterOptions {
  organisations: { code: string; name: string }[];
  /** Years that documents are dated in, newest first. */
  years: number[];
}

const cache = new WeakMap<RegisterDatabase, { version: number; options: SearchFilterOptions }>();

/**
 * The organisations and years the search form lists. They change only when the record does, so
 * they are kept until the next event: a search page costs one tiny query for them, not two scans.
 */
export async function listSearchFilterOptions(
  database: RegisterDatabase,
): Promise<SearchFilterOptions> {
  const version = await countEvents(database.db);
  const known = cache.get(database);
  if (known?.version === version) return known.options;
  const [organisations, dates] = await Promise.all([
    database.db.selectFrom('organisations').select(['code', 'name']).orderBy('name').execute(),
    database.db
      .selectFrom('documents')
      .select((eb) => eb.fn<string>('substr', ['document_date', eb.val(1), eb.val(4)]).as('year'))
      .where('document_date', 'is not', null)
      .distinct()
      .execute(),
  ]);
  const options = {
    organisations,
    years: dates.map((row) => Number(row.year)).sort((a, b) => b - a),
  };
  cache.set(database, { version, options });
  return options;
}

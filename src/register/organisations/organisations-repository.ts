import type { Kysely, Selectable } from 'kysely';

import { SimwatchError } from '../../errors.js';
import type { DatabaseSchema, OrganisationsTable } from '../../store/schema.js';
import { organisationKindOf, type Organisation } from './organisation.js';

/** Every organisation, by name. */
export async function listOrganisations(db: Kysely<DatabaseSchema>): Promise<Organisation[]> {
  const rows = await db.selectFrom('organisations').selectAll().orderBy('name').execute();
  return rows.map(toOrganisation);
}

/** The organisation with a code, or undefined. */
export async function findOrganisationByCode(
  db: Kysely<DatabaseSchema>,
  code: string,
): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('code', '=', code)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

/** The organisation with a code; a `not_found` error naming the code otherwise. */
export async function getOrganisationByCode(
  db: Kysely<DatabaseSchema>,
  code: string,
): Promise<Organisation> {
  const found = await findOrganisationByCode(db, code.trim());
  if (!found)
    throw new SimwatchError(
      'not_found',
      `Cannot find organisation "${code}": import it first with "simwatch org import"`,
    );
  return found;
}

function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: organisationKindOf(row.kind),
    region: row.region,
    formerNames: JSON.parse(row.former_names) as string[],
    sourceUrl: row.source_url,
    icbCode: row.icb_code,
    opened: row.opened,
    closed: row.closed,
    successorCodes: JSON.parse(row.successor_codes) as string[],
  };
}

/** Whether the register holds the fictional demonstration organisations (codes `DEMO-...`). */
export async function holdsDemonstrationOrganisations(
  db: Kysely<DatabaseSchema>,
): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('id')
    .where('code', 'like', 'DEMO-%')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

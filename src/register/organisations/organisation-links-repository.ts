import type { Kysely } from 'kysely';

import type { DatabaseSchema } from '../../store/schema.js';

/** A link from or to an organisation, with the other organisation's code and name. */
export interface OrganisationLink {
  /** True when the organisation is the one the relation starts from ("X commissions Y"). */
  outgoing: boolean;
  relation: string;
  otherCode: string;
  otherName: string;
}

/** The links from and to one organisation (two queries over a small table). */
export async function listOrganisationLinks(
  db: Kysely<DatabaseSchema>,
  organisationId: number,
): Promise<OrganisationLink[]> {
  const [outgoing, incoming] = await Promise.all([
    db
      .selectFrom('organisation_links')
      .innerJoin('organisations', 'organisations.id', 'organisation_links.linked_organisation_id')
      .select(['organisation_links.relation', 'organisations.code', 'organisations.name'])
      .where('organisation_links.organisation_id', '=', organisationId)
      .orderBy('organisation_links.id')
      .execute(),
    db
      .selectFrom('organisation_links')
      .innerJoin('organisations', 'organisations.id', 'organisation_links.organisation_id')
      .select(['organisation_links.relation', 'organisations.code', 'organisations.name'])
      .where('organisation_links.linked_organisation_id', '=', organisationId)
      .orderBy('organisation_links.id')
      .execute(),
  ]);
  const link =
    (isOutgoing: boolean) => (row: { relation: string; code: string; name: string }) => ({
      outgoing: isOutgoing,
      relation: row.relation,
      otherCode: row.code,
      otherName: row.name,
    });
  return [...outgoing.map(link(true)), ...incoming.map(link(false))];
}

import type { Kysely } from 'kysely';

import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { listOrganisationLinks, type OrganisationLink } from './organisation-links-repository.js';
import type { OrganisationFacts } from '../status/register-facts.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { publicSubmissionActor } from '../documents/document.js';

/** What an organisation's public page is built from (see `readOrganisationRecord`). */
export interface OrganisationRecord {
  facts: OrganisationFacts;
  formerNames: string[];
  sourceUrl: string | null;
  /** Its links from and to other organisations. */
  links: OrganisationLink[];
  /** The reason of each finding its evidence comes from, by finding id. */
  findingReasons: Map<number, string>;
  /** Where each of its assurances was stated, by assurance id. */
  assuranceSources: Map<number, { documentTitle: string | null; source: string | null }>;
  /** Its documents, newest first, undated last. */
  documents: { id: number; title: string; docType: string; date: string | null }[];
  /** Its lifecycle, with the names of the organisations it names. */
  lifecycle: {
    opened: string | null;
    closed: string | null;
    icb: NamedOrganisation | null;
    /** The organisations its work passed to, by name. */
    successors: NamedOrganisation[];
    /** The organisations whose work passed to it (closed, or open and handing some work on). */
    predecessors: (NamedOrganisation & { closed: string | null })[];
  };
}

/** An organisation's code and name. */
export interface NamedOrganisation {
  code: string;
  name: string;
}

/**
 * Reads an organisation and everything its page shows, or undefined when no organisation has
 * the code. Ten queries, each by the organisation (or by the ids it found), however much the
 * register holds.
 */
export async function readOrganisationRecord(
  db: Kysely<DatabaseSchema>,
  code: string,
): Promise<OrganisationRecord | undefined> {
  const [facts] = await loadOrganisationFacts(db, code);
  if (!facts) return undefined;
  const id = facts.organisation.id;
  const findingIds = facts.evidence.map((evidence) => evidence.findingId);
  const [row, links, reasons, assurances, documents] = await Promise.all([
    db
      .selectFrom('organisations')
      .select(['former_names', 'source_url', 'icb_code', 'opened', 'closed', 'successor_codes'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
    listOrganisationLinks(db, id),
    findingIds.length === 0
      ? []
      : db.selectFrom('findings').select(['id', 'reason']).where('id', 'in', findingIds).execute(),
    db
      .selectFrom('assurances')
      .leftJoin('documents', 'documents.id', 'assurances.source_document_id')
      .select(['assurances.id', 'assurances.source', 'documents.title'])
      .where('assurances.organisation_id', '=', id)
      .execute(),
    db
      .selectFrom('document_organisations')
      .innerJoin('documents', 'documents.id', 'document_organisations.document_id')
      .select(['documents.id', 'documents.title', 'documents.doc_type', 'documents.document_date'])
      .where('document_organisations.organisation_id', '=', id)
      // Documents sent in by the public are listed once a reviewer accepts them.
      .where((eb) =>
        eb.or([
          eb('documents.added_by', '!=', publicSubmissionActor),
          eb('documents.public', '=', 1),
        ]),
      )
      .execute(),
  ]);
  const successorCodes = parseNames(row.successor_codes);
  const named = [...successorCodes, ...(row.icb_code === null ? [] : [row.icb_code])];
  const [namedRows, predecessorRows] = await Promise.all([
    named.length === 0
      ? []
      : db
          .selectFrom('organisations')
          .select(['code', 'name'])
          .where('code', 'in', named)
          .execute(),
    db
      .selectFrom('organisations')
      .select(['code', 'name', 'closed', 'successor_codes'])
      .where('successor_codes', 'like', `%${JSON.stringify(facts.organisation.code)}%`)
      .orderBy('name')
      .execute(),
  ]);
  const nameOf = new Map(namedRows.map((each) => [each.code, each.name]));
  return {
    facts,
    lifecycle: {
      opened: row.opened,
      closed: row.closed,
      icb:
        row.icb_code === null
          ? null
          : { code: row.icb_code, name: nameOf.get(row.icb_code) ?? row.icb_code },
      successors: successorCodes.map((each) => ({ code: each, name: nameOf.get(each) ?? each })),
      predecessors: predecessorRows
        .filter((each) => parseNames(each.successor_codes).includes(facts.organisation.code))
        .map((each) => ({ code: each.code, name: each.name, closed: each.closed })),
    },
    formerNames: parseNames(row.former_names),
    sourceUrl: row.source_url,
    links,
    findingReasons: new Map(reasons.map((each) => [each.id, each.reason])),
    assuranceSources: new Map(
      assurances.map((each) => [each.id, { documentTitle: each.title, source: each.source }]),
    ),
    documents: documents
      .map((each) => ({
        id: each.id,
        title: each.title,
        docType: each.doc_type,
        date: each.document_date,
      }))
      .sort(newestDocumentFirst),
  };
}

function parseNames(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((name) => typeof name === 'string') : [];
  } catch {
    return [];
  }
}

/** Newest first, undated last (sorted here: the databases order missing dates differently). */
function newestDocumentFirst(
  a: { id: number; date: string | null },
  b: { id: number; date: string | null },
): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return b.id - a.id;
}

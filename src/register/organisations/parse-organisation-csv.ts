import { parse } from 'csv-parse/sync';

import { SimwatchError } from '../../errors.js';
import type { OrganisationKind } from '../status/register-facts.js';
import { organisationKinds, type OrganisationInput } from './organisation.js';

/**
 * Reads a reference list of organisations. Understands the lists in `reference-data/`:
 * - `ods_code,name,...` (mental health trusts, coded by ODS code),
 * - `id,name,...` (police forces, coded by their id),
 * - `name,region,...` (health innovation networks, coded by a slug of the name),
 * and simwatch's own format `code,name,kind,region,former_names,source_url` (former names
 * separated by `;`). `kind` overrides the kind a format implies.
 */
export function parseOrganisationCsv(
  text: string,
  options: { kind?: OrganisationKind; file: string },
): OrganisationInput[] {
  let rows: Record<string, string>[];
  try {
    rows = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    throw new SimwatchError(
      'invalid_input',
      `Cannot read "${options.file}": not a valid CSV file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const first = rows[0];
  if (!first)
    throw new SimwatchError('invalid_input', `Cannot import "${options.file}": it has no rows`);
  const columns = Object.keys(first);
  const format = formatOf(columns);
  if (!format)
    throw new SimwatchError(
      'invalid_input',
      `Cannot import "${options.file}": its columns (${columns.join(', ')}) are not a known format; ` +
        'use code,name,kind,region,former_names,source_url',
    );
  const seen = new Set<string>();
  return rows.map((row, index) => {
    const line = index + 2;
    const organisation = format(row, options.kind, `${options.file} line ${line}`);
    if (seen.has(organisation.code))
      throw new SimwatchError(
        'invalid_input',
        `Cannot import "${options.file}": code "${organisation.code}" appears twice (line ${line})`,
      );
    seen.add(organisation.code);
    return organisation;
  });
}

type RowReader = (
  row: Record<string, string>,
  kind: OrganisationKind | undefined,
  where: string,
) => OrganisationInput;

function formatOf(columns: readonly string[]): RowReader | undefined {
  const has = (name: string) => columns.includes(name);
  if (has('code') && has('name')) return ownFormat;
  if (has('ods_code') && has('name'))
    return (row, kind, where) =>
      organisation(
        required(row, 'ods_code', where).toUpperCase(),
        row,
        kind ?? 'mental_health_trust',
        where,
      );
  if (has('id') && has('name'))
    return (row, kind, where) =>
      organisation(required(row, 'id', where), row, kind ?? 'police_force', where);
  if (has('name') && has('region'))
    return (row, kind, where) =>
      organisation(
        `hin-${slug(required(row, 'name', where))}`,
        row,
        kind ?? 'health_innovation_network',
        where,
      );
  return undefined;
}

const ownFormat: RowReader = (row, kind, where) => {
  const given = row.kind?.trim();
  const rowKind = given ? organisationKinds.find((candidate) => candidate === given) : undefined;
  if (given && !rowKind)
    throw new SimwatchError(
      'invalid_input',
      `Cannot import ${where}: kind "${given}" is not one of ${organisationKinds.join(', ')}`,
    );
  return organisation(required(row, 'code', where), row, kind ?? rowKind ?? 'other', where);
};

function organisation(
  code: string,
  row: Record<string, string>,
  kind: OrganisationKind,
  where: string,
): OrganisationInput {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/.test(code))
    throw new SimwatchError(
      'invalid_input',
      `Cannot import ${where}: code "${code}" must be letters, digits, dots, hyphens or underscores`,
    );
  return {
    code,
    name: required(row, 'name', where),
    kind,
    region: row.region?.trim() || null,
    formerNames: (row.former_names ?? '')
      .split(';')
      .map((name) => name.trim())
      .filter(Boolean),
    sourceUrl: row.source_url?.trim() || null,
  };
}

function required(row: Record<string, string>, column: string, where: string): string {
  const value = row[column]?.trim();
  if (!value)
    throw new SimwatchError('invalid_input', `Cannot import ${where}: ${column} is empty`);
  return value;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

import { parse } from 'csv-parse/sync';

import { SimwatchError } from '../../errors.js';
import { checkIsoDate } from '../calendar-date.js';
import type { OrganisationKind } from '../status/register-facts.js';
import { organisationKinds, type OrganisationInput } from './organisation.js';

/**
 * Reads a reference list of organisations. Understands the lists in `reference-data/`:
 * - `ods_code,name,...` (mental health trusts, coded by ODS code; integrated care boards when
 *   it has `successor_ods_codes`; ambulance trusts when it has `hq_icb_code`),
 * - `id,name,...` (police forces, coded by their id),
 * - `name,region,...` (health innovation networks, coded by a slug of the name),
 * and simwatch's own format `code,name,kind,region,former_names,source_url` with, optionally,
 * `icb_code,opened,closed,successor_codes` (lists separated by `;`). `kind` overrides the kind a
 * format implies. `regions` (NHS England region ODS code to name) names the region of rows that
 * give `region_ods_code`; without it the region's name is read from the row.
 */
export function parseOrganisationCsv(
  text: string,
  options: { kind?: OrganisationKind; file: string; regions?: ReadonlyMap<string, string> },
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
    const where = `${options.file} line ${line}`;
    const organisation = {
      ...format(row, options.kind, where),
      ...lifecycleOf(row, where),
      region: regionOf(row, where, options.regions),
    };
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
  if (has('ods_code') && has('name')) {
    const implied: OrganisationKind = has('successor_ods_codes')
      ? 'integrated_care_board'
      : has('hq_icb_code')
        ? 'ambulance_trust'
        : 'mental_health_trust';
    return (row, kind, where) =>
      organisation(
        required(row, 'ods_code', where).toUpperCase(),
        row,
        // A trust that handed its mental health services on and carries on as something else.
        kind ?? (row.status?.startsWith('active (no longer') ? 'other' : implied),
        where,
      );
  }
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
  const listed = namesOf(row);
  const rowName = required(row, 'name', where);
  // "later name: X" means the organisation is now called X and the row's name is an old one.
  const later = listed.find((name) => name.startsWith(laterName));
  const formerNames = [
    ...listed.filter((name) => name !== later),
    ...(row.former_name?.trim() ? [withoutSourceNote(row.former_name)] : []),
  ];
  return {
    code,
    name: later ? later.slice(laterName.length).trim() : rowName,
    kind,
    region: null,
    formerNames: later ? [rowName, ...formerNames] : formerNames,
    sourceUrl: firstUrl(row.source_url),
  };
}

const laterName = 'later name:';

// The reference lists separate former names with ` | ` and our own format with `;`, and say in
// brackets where a name was read ("(ODS etr.csv c.2015)"): the note is not part of the name.
function namesOf(row: Record<string, string>): string[] {
  return (row.former_names ?? '')
    .split(row.former_names?.includes(' | ') ? ' | ' : ';')
    .map(withoutSourceNote)
    .filter(Boolean);
}

function withoutSourceNote(name: string): string {
  return name.replace(/\s*\((?:ODS|rcpch|Wikipedia|name quoted|unverified)[^)]*\)\s*$/i, '').trim();
}

// Reference rows give several sources separated by ` ; `; the register keeps the first, the one
// that gave the code and name.
function firstUrl(text: string | undefined): string | null {
  return text?.split(' ; ')[0]?.trim() || null;
}

function regionOf(
  row: Record<string, string>,
  where: string,
  regions: ReadonlyMap<string, string> | undefined,
): string | null {
  const code = (row.region_ods_code ?? row.hq_region_ods_code)?.trim();
  if (code && regions) {
    const name = regions.get(code);
    if (!name)
      throw new SimwatchError(
        'invalid_input',
        `Cannot import ${where}: region code "${code}" is not an NHS England region`,
      );
    return name;
  }
  // `nhs_region` may list several regions an organisation spans, the main one first.
  const named = row.nhs_region ?? row.hq_nhs_region;
  if (named !== undefined) return named.split(';')[0]?.trim() || null;
  return row.region?.trim() || null;
}

function lifecycleOf(
  row: Record<string, string>,
  where: string,
): Partial<Pick<OrganisationInput, 'icbCode' | 'opened' | 'closed' | 'successorCodes'>> {
  const icb = (row.icb_code ?? row.hq_icb_code)?.trim();
  const successors = row.successor_codes ?? row.successor_ods_codes ?? row.successor_ods_code;
  return {
    ...(icb !== undefined && { icbCode: icb === '' ? null : icb.toUpperCase() }),
    ...(row.opened !== undefined && { opened: dateOf(row.opened, 'opened', where) }),
    ...(row.closed !== undefined && { closed: dateOf(row.closed, 'closed', where) }),
    ...(successors !== undefined && {
      successorCodes: successors
        .split(';')
        .map((code) => code.trim().toUpperCase())
        .filter(Boolean),
    }),
  };
}

function dateOf(text: string, column: string, where: string): string | null {
  if (text.trim() === '') return null;
  const checked = checkIsoDate(text, { today: new Date(0), future: true });
  if (!checked.ok)
    throw new SimwatchError(
      'invalid_input',
      `Cannot import ${where}: ${column} "${text}" is not a date; write it as YYYY-MM-DD`,
    );
  return checked.iso;
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

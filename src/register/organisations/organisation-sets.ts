import { parse } from 'csv-parse/sync';

import { SimwatchError } from '../../errors.js';
import type { OrganisationInput } from './organisation.js';
import { parseOrganisationCsv } from './parse-organisation-csv.js';

/** The named sets of organisations `simwatch init --organisations` can load. */
export const organisationSetNames = ['england'] as const;

/** The name of a set of organisations. */
export type OrganisationSetName = (typeof organisationSetNames)[number];

/** The reference lists the England set is made from, as text. */
export interface ReferenceFiles {
  regions: string;
  mentalHealthTrusts: string;
  ambulanceTrusts: string;
  integratedCareBoards: string;
  policeForces: string;
  healthInnovationNetworks: string;
}

/** The file in `reference-data/` that holds each list. */
export const referenceFileNames: Record<keyof ReferenceFiles, string> = {
  regions: 'regions.csv',
  mentalHealthTrusts: 'mental-health-trusts.csv',
  ambulanceTrusts: 'ambulance-trusts.csv',
  integratedCareBoards: 'integrated-care-boards.csv',
  policeForces: 'police-forces.csv',
  healthInnovationNetworks: 'health-innovation-networks.csv',
};

/**
 * Every organisation of the England set: mental health trusts (current and closed), ambulance
 * trusts, integrated care boards (current and abolished), the police forces of England with the
 * British Transport Police (Welsh forces are left out: simwatch covers English care), and the
 * health innovation networks. A code in two lists (the Isle of Wight NHS Trust ran mental health
 * services and still runs an ambulance service) becomes one organisation. Throws when a successor
 * or ICB code names no organisation of the set.
 */
export function parseEnglandOrganisations(files: ReferenceFiles): OrganisationInput[] {
  const regions = parseRegions(files.regions);
  const read = (key: keyof ReferenceFiles) =>
    parseOrganisationCsv(files[key], { file: referenceFileNames[key], regions });
  const policeRows = parse<Record<string, string>>(files.policeForces, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const english = new Set(
    policeRows.filter((row) => /\bEngland\b/.test(row.country ?? '')).map((row) => row.id),
  );
  const organisations = new Map<string, OrganisationInput>();
  for (const input of [
    ...read('mentalHealthTrusts'),
    ...read('ambulanceTrusts'),
    ...read('integratedCareBoards'),
    ...read('policeForces').filter((force) => english.has(force.code)),
    ...read('healthInnovationNetworks'),
  ]) {
    const known = organisations.get(input.code);
    organisations.set(input.code, known ? merged(known, input) : input);
  }
  // The lists say everything known of each organisation's lifecycle: what they leave out is none.
  const complete = [...organisations.values()].map((organisation) => ({
    ...organisation,
    icbCode: organisation.icbCode ?? null,
    opened: organisation.opened ?? null,
    closed: organisation.closed ?? null,
    successorCodes: organisation.successorCodes ?? [],
  }));
  checkCodes(complete, new Set(organisations.keys()));
  return complete;
}

function parseRegions(text: string): Map<string, string> {
  const rows = parse<{ ods_code?: string; name?: string }>(text, {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
  const regions = new Map<string, string>();
  for (const row of rows) if (row.ods_code && row.name) regions.set(row.ods_code, row.name);
  if (regions.size === 0)
    throw new SimwatchError('invalid_input', 'Cannot read "regions.csv": it names no regions');
  return regions;
}

// The first list to name an organisation gives its name; a kind other than `other` wins.
function merged(first: OrganisationInput, second: OrganisationInput): OrganisationInput {
  return {
    ...first,
    kind: first.kind === 'other' ? second.kind : first.kind,
    region: first.region ?? second.region,
    formerNames: [...new Set([...first.formerNames, ...second.formerNames])].filter(
      (name) => name !== first.name,
    ),
    sourceUrl: first.sourceUrl ?? second.sourceUrl,
    icbCode: first.icbCode ?? second.icbCode ?? null,
    opened: first.opened ?? second.opened ?? null,
    closed: first.closed ?? second.closed ?? null,
    successorCodes: [
      ...new Set([...(first.successorCodes ?? []), ...(second.successorCodes ?? [])]),
    ],
  };
}

function checkCodes(organisations: readonly OrganisationInput[], codes: ReadonlySet<string>) {
  for (const organisation of organisations)
    for (const code of [organisation.icbCode ?? undefined, ...(organisation.successorCodes ?? [])])
      if (code !== undefined && !codes.has(code))
        throw new SimwatchError(
          'invalid_input',
          `Cannot load the England organisations: ${organisation.code} names "${code}", which is in none of the lists`,
        );
}

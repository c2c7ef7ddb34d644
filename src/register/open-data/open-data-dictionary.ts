/** The kinds of value a column of the open data holds, as the dictionary names them. */
export type OpenDataColumnType =
  | 'text'
  | 'whole number'
  | 'number'
  | 'true or false'
  | 'date'
  | 'date and time'
  | 'web address'
  | 'list of text';

/** One column of an open data table: its name, type, meaning and an example value. */
export interface OpenDataColumn {
  name: string;
  type: OpenDataColumnType;
  /** Whether the value can be empty (CSV) or null (JSON). */
  optional?: boolean;
  meaning: string;
  example: string;
}

/** One table of the open data, published as a CSV and a JSON file. */
export interface OpenDataTableEntry {
  name: string;
  title: string;
  description: string;
  columns: readonly OpenDataColumn[];
}

/** A file of the download that is not a table (the figures, the key, the dictionary). */
export interface OpenDataOtherFile {
  file: string;
  title: string;
  description: string;
}

/** How the CSV files write values that a CSV cell cannot hold as they are. */
export const csvConventions = {
  lineBreak: ' / ',
  listSeparator: ' | ',
} as const;

/**
 * How to read the files, in plain words: shown on the dictionary page and written at the top of
 * the dictionary files.
 */
export const openDataConventions: readonly string[] = [
  'CSV files are UTF-8 text with a byte-order mark (so spreadsheet programs read accents and curly quotes correctly), commas between values, double quotes around values that need them, and a header row naming the columns.',
  `A value in a CSV file never holds a line break: each line break in the original text is written as " / " (space, slash, space). The JSON files keep the line breaks.`,
  `A list in a CSV file is written as one value with " | " (space, vertical bar, space) between the items. In the JSON files it is an array.`,
  'A yes-or-no value is written true or false. In the JSON files it is a JSON boolean.',
  'An empty CSV value means the register holds nothing for it. In the JSON files it is null.',
  'Numbers are written with a full stop for the decimal point and no thousands separators. In the JSON files they are JSON numbers.',
  'Dates are written YYYY-MM-DD; dates and times are in UTC, written YYYY-MM-DDTHH:MM:SS.sssZ.',
  `A text value that starts with = + - or @ gets an apostrophe in front of it in the CSV files, so that a spreadsheet does not run it as a formula. The JSON files have the text as it is.`,
];

const documentUrl = 'https://register.example.org/documents/12';

/**
 * Every table of the open data and every column, in the order the files have them. The tables
 * are built in this order, and a test checks each table's columns against its entry here.
 */
export const openDataTables: readonly OpenDataTableEntry[] = [
  {
    name: 'organisations',
    title: 'Organisations',
    description:
      'Every trust, police force, integrated care board and health innovation network in the register: code, name, kind, region, earlier names and where the reference data came from.',
    columns: [
      {
        name: 'code',
        type: 'text',
        meaning: "The organisation's code (the NHS organisation data service code for NHS bodies).",
        example: 'ZZ-T1',
      },
      {
        name: 'name',
        type: 'text',
        meaning: "The organisation's name.",
        example: 'Northmoor NHS Foundation Trust',
      },
      {
        name: 'kind',
        type: 'text',
        meaning: 'The kind of organisation, such as mental_health_trust, police_force or icb.',
        example: 'mental_health_trust',
      },
      {
        name: 'region',
        type: 'text',
        optional: true,
        meaning: 'The NHS England region.',
        example: 'North West',
      },
      {
        name: 'former_names',
        type: 'list of text',
        meaning: 'Names the organisation was known by before (an empty list if none).',
        example: 'Northmoor Mental Health Trust | Northmoor Partnership Trust',
      },
      {
        name: 'source_url',
        type: 'web address',
        optional: true,
        meaning: "Where the organisation's reference data came from.",
        example: 'https://digital.nhs.uk/services/organisation-data-service',
      },
      {
        name: 'page_url',
        type: 'web address',
        meaning: "The organisation's page in the register.",
        example: 'https://register.example.org/organisations/ZZ-T1',
      },
    ],
  },
  {
    name: 'documents',
    title: 'Documents',
    description:
      "Each document's details: title, kind, date, organisations, source, how it was obtained, its SHA-256 (to check a copy), pages, and whether it is public. Not the text.",
    columns: [
      {
        name: 'id',
        type: 'whole number',
        meaning: "The document's number in the register.",
        example: '12',
      },
      {
        name: 'url',
        type: 'web address',
        meaning: "The document's page in the register.",
        example: documentUrl,
      },
      {
        name: 'title',
        type: 'text',
        meaning: "The document's title.",
        example: 'Crisis response plan policy',
      },
      {
        name: 'type',
        type: 'text',
        meaning: 'The kind of document, such as policy, board_paper or foi_response.',
        example: 'policy',
      },
      {
        name: 'date',
        type: 'date',
        optional: true,
        meaning: 'The date the document bears.',
        example: '2024-03-01',
      },
      {
        name: 'organisation_codes',
        type: 'list of text',
        meaning: 'The codes of the organisations the document is about.',
        example: 'ZZ-P1 | ZZ-T1',
      },
      {
        name: 'organisation_names',
        type: 'list of text',
        meaning: 'The names of those organisations, in the same order as their codes.',
        example: 'Northmoor Police | Northmoor NHS Foundation Trust',
      },
      {
        name: 'source',
        type: 'text',
        optional: true,
        meaning: 'Where the document came from, often a web address.',
        example: 'https://www.northmoor.example/policies',
      },
      {
        name: 'obtained',
        type: 'text',
        optional: true,
        meaning: 'How it was obtained, such as published or foi.',
        example: 'foi',
      },
      {
        name: 'sha256',
        type: 'text',
        meaning: 'The SHA-256 of the original file, to check that a copy is the same file.',
        example: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
      },
      {
        name: 'media_type',
        type: 'text',
        meaning: 'The type of the original file.',
        example: 'application/pdf',
      },
      {
        name: 'pages',
        type: 'whole number',
        meaning: 'How many pages of text it has.',
        example: '14',
      },
      {
        name: 'public',
        type: 'true or false',
        meaning:
          'Whether its text and original file can be read by anyone (false: only its details and its evidence are published).',
        example: 'true',
      },
      {
        name: 'added_at',
        type: 'date and time',
        meaning: 'When it was added to the register.',
        example: '2025-01-20T10:15:00.000Z',
      },
      {
        name: 'catalogue_version',
        type: 'text',
        meaning: 'The version of the catalogue of indicators it was screened with.',
        example: '2025.1',
      },
      {
        name: 'model_version',
        type: 'text',
        optional: true,
        meaning: 'The version of the screening model it was screened with.',
        example: '2025-01-15',
      },
    ],
  },
  {
    name: 'evidence',
    title: 'Evidence',
    description:
      'Findings confirmed by two reviewers, one row for each organisation a finding is evidence about, with the organisation, document, page, feature, rule and the excerpt with personal data removed. Findings not yet reviewed, or rejected, are not included.',
    columns: [
      {
        name: 'finding_id',
        type: 'whole number',
        meaning:
          "The finding's number. A finding in a document about two organisations has a row for each.",
        example: '40',
      },
      {
        name: 'finding_url',
        type: 'web address',
        meaning: 'A lasting link to the finding, shown highlighted in its document.',
        example: `${documentUrl}/findings/40`,
      },
      {
        name: 'organisation_code',
        type: 'text',
        meaning: "The organisation's code.",
        example: 'ZZ-T1',
      },
      {
        name: 'organisation_name',
        type: 'text',
        meaning: "The organisation's name.",
        example: 'Northmoor NHS Foundation Trust',
      },
      {
        name: 'document_id',
        type: 'whole number',
        meaning: "The document's number.",
        example: '12',
      },
      {
        name: 'document_url',
        type: 'web address',
        meaning: "The document's page.",
        example: documentUrl,
      },
      {
        name: 'document_title',
        type: 'text',
        meaning: "The document's title.",
        example: 'Crisis response plan policy',
      },
      {
        name: 'document_date',
        type: 'date',
        optional: true,
        meaning: 'The date the document bears.',
        example: '2024-03-01',
      },
      {
        name: 'page',
        type: 'whole number',
        optional: true,
        meaning: 'The page the excerpt is on.',
        example: '3',
      },
      {
        name: 'feature',
        type: 'text',
        meaning:
          'The feature of concern: police_in_care, coercion_sanctions, discrimination_hiu, or sim_named (SIM by name).',
        example: 'coercion_sanctions',
      },
      {
        name: 'indicator',
        type: 'text',
        meaning:
          'The rule of the catalogue of indicators that found it (the method page describes each).',
        example: 'withhold_care',
      },
      {
        name: 'excerpt',
        type: 'text',
        meaning:
          'The words of the document, with personal data replaced by markers such as [name removed].',
        example: 'Staff should not respond to repeated calls from this person.',
      },
      {
        name: 'items_redacted',
        type: 'whole number',
        meaning: 'How many pieces of personal data were removed from the excerpt.',
        example: '0',
      },
      {
        name: 'score',
        type: 'number',
        meaning: "The screening model's confidence, from 0 to 1, before people reviewed it.",
        example: '0.87',
      },
      {
        name: 'model_version',
        type: 'text',
        optional: true,
        meaning: 'The screening model that found it.',
        example: '2025-01-15',
      },
    ],
  },
  {
    name: 'assurances',
    title: 'Assurances',
    description:
      'Assurances organisations gave: when, by whom, what they claim, the text with personal data removed, and the source.',
    columns: [
      { name: 'id', type: 'whole number', meaning: "The assurance's number.", example: '3' },
      {
        name: 'organisation_code',
        type: 'text',
        meaning: 'The code of the organisation that gave it.',
        example: 'ZZ-T1',
      },
      {
        name: 'organisation_name',
        type: 'text',
        meaning: 'The name of that organisation.',
        example: 'Northmoor NHS Foundation Trust',
      },
      { name: 'given_on', type: 'date', meaning: 'When it was given.', example: '2023-06-30' },
      {
        name: 'given_by',
        type: 'text',
        meaning: 'Who gave it (a role or body, not a private person).',
        example: 'Board of directors',
      },
      {
        name: 'scope',
        type: 'text',
        meaning: 'What it claims: never_used, ended, will_end or feature_not_used.',
        example: 'never_used',
      },
      {
        name: 'scope_date',
        type: 'date',
        optional: true,
        meaning: 'When use ended or will end.',
        example: '2022-12-31',
      },
      {
        name: 'feature',
        type: 'text',
        optional: true,
        meaning: 'The feature said not to be used (scope feature_not_used).',
        example: 'police_in_care',
      },
      {
        name: 'text',
        type: 'text',
        meaning: 'What the organisation said, with personal data removed.',
        example: 'The trust has never used the SIM model.',
      },
      {
        name: 'source',
        type: 'text',
        optional: true,
        meaning: 'Where it was said.',
        example: 'https://www.northmoor.example/board',
      },
      {
        name: 'source_document_id',
        type: 'whole number',
        optional: true,
        meaning: 'The document in the register it was said in.',
        example: '12',
      },
    ],
  },
  {
    name: 'returns',
    title: 'Returns',
    description:
      'Returns to national reviews: whether the organisation responded, whether it said it used SIM or a SIM-type model, when, and which features it said continue.',
    columns: [
      { name: 'id', type: 'whole number', meaning: "The return's number.", example: '5' },
      {
        name: 'review',
        type: 'text',
        meaning: 'The national review it answers.',
        example: 'National review 2021',
      },
      {
        name: 'organisation_code',
        type: 'text',
        meaning: "The organisation's code.",
        example: 'ZZ-T1',
      },
      {
        name: 'organisation_name',
        type: 'text',
        meaning: "The organisation's name.",
        example: 'Northmoor NHS Foundation Trust',
      },
      {
        name: 'responded',
        type: 'true or false',
        meaning: 'Whether the organisation responded.',
        example: 'true',
      },
      {
        name: 'responded_on',
        type: 'date',
        optional: true,
        meaning: 'When it responded.',
        example: '2021-11-02',
      },
      {
        name: 'used_model',
        type: 'true or false',
        optional: true,
        meaning: 'Whether it said it used SIM or a SIM-type model (empty: it did not say).',
        example: 'false',
      },
      {
        name: 'used_from',
        type: 'date',
        optional: true,
        meaning: 'When it said use began.',
        example: '2018-04-01',
      },
      {
        name: 'used_until',
        type: 'date',
        optional: true,
        meaning: 'When it said use ended.',
        example: '2021-06-30',
      },
      {
        name: 'continuing_features',
        type: 'list of text',
        meaning: 'The features it said continue (an empty list if none).',
        example: 'police_in_care | coercion_sanctions',
      },
    ],
  },
  {
    name: 'statuses',
    title: 'Statuses',
    description:
      "Each organisation's status, derived from the records by the published rules, with the reasons and any contradictions.",
    columns: [
      {
        name: 'organisation_code',
        type: 'text',
        meaning: "The organisation's code.",
        example: 'ZZ-T1',
      },
      {
        name: 'organisation_name',
        type: 'text',
        meaning: "The organisation's name.",
        example: 'Northmoor NHS Foundation Trust',
      },
      {
        name: 'status',
        type: 'text',
        meaning:
          'The status: contradicted, continuing, used_ended, assured_not_used, no_response or not_yet_reviewed.',
        example: 'contradicted',
      },
      {
        name: 'label',
        type: 'text',
        meaning: 'The status in words.',
        example: 'Assurance contradicted by evidence',
      },
      {
        name: 'reasons',
        type: 'list of text',
        meaning: 'Why it has this status, one reason per item.',
        example: 'Confirmed evidence dated after its assurance.',
      },
      {
        name: 'contradictions',
        type: 'list of text',
        meaning:
          'Each contradiction between an assurance and a document, once, naming every feature the document shows (an empty list if none).',
        example: 'Evidence from 2024-03-01 contradicts the assurance of 2023-06-30.',
      },
    ],
  },
  {
    name: 'foi-requests',
    title: 'FOI requests',
    description:
      'Freedom of information requests sent from the register (drafts are not published): to whom, what about, their state, when they were sent, due and answered, and whether they are overdue on the day the file was made.',
    columns: [
      {
        name: 'ref',
        type: 'text',
        meaning: "The request's reference, quoted in every message.",
        example: 'SW-FOI-000123',
      },
      {
        name: 'url',
        type: 'web address',
        meaning: "The request's page.",
        example: 'https://register.example.org/foi/requests/SW-FOI-000123',
      },
      {
        name: 'organisation_code',
        type: 'text',
        meaning: "The organisation's code.",
        example: 'ZZ-T1',
      },
      {
        name: 'organisation_name',
        type: 'text',
        meaning: "The organisation's name.",
        example: 'Northmoor NHS Foundation Trust',
      },
      {
        name: 'subject',
        type: 'text',
        meaning: "The request's subject.",
        example: 'Police officers in mental health crisis care',
      },
      {
        name: 'state',
        type: 'text',
        meaning:
          'Its state: awaiting_response, clarification_asked, successful, partially_successful, not_held, refused, internal_review, referred_to_ico or withdrawn.',
        example: 'refused',
      },
      { name: 'sent_on', type: 'date', meaning: 'When it was sent.', example: '2026-11-20' },
      {
        name: 'due_on',
        type: 'date',
        optional: true,
        meaning:
          'The 20th working day after receipt (or after the last clarification was answered), UK bank holidays skipped; empty while no answer is owed (clarification awaited).',
        example: '2026-12-21',
      },
      {
        name: 'responded_on',
        type: 'date',
        optional: true,
        meaning: 'When the (latest) substantive answer arrived.',
        example: '2026-12-10',
      },
      {
        name: 'timeliness',
        type: 'text',
        meaning:
          'on_time, overdue (past the due date), long_overdue (past the 40th working day) or not_running (no answer owed now), on the day the file was made.',
        example: 'overdue',
      },
      {
        name: 'exemptions',
        type: 'list of text',
        meaning:
          'The exemptions of the Freedom of Information Act 2000 cited (an empty list if none).',
        example: 's.12 | s.40(2)',
      },
    ],
  },
  {
    name: 'checkpoints',
    title: 'Checkpoints',
    description:
      'The signed checkpoints of the tamper-evident record: the size and Merkle root of the record at each point, the time, the signing key and the signature. Keep copies: they let anyone show later that the record was not rewritten.',
    columns: [
      {
        name: 'tree_size',
        type: 'whole number',
        meaning: 'How many changes the record held.',
        example: '118',
      },
      {
        name: 'root_hash',
        type: 'text',
        meaning: 'The Merkle root: a fingerprint of all those changes.',
        example: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      },
      {
        name: 'time',
        type: 'date and time',
        meaning: 'When it was signed.',
        example: '2025-01-20T10:15:00.000Z',
      },
      {
        name: 'key_id',
        type: 'text',
        meaning: 'Which key signed it.',
        example: 'a1b2c3d4e5f60718',
      },
      {
        name: 'signature',
        type: 'text',
        meaning: 'The Ed25519 signature, in base64, checked with the public key.',
        example: 'MEUCIQD…',
      },
    ],
  },
];

/** The files of the download that are not tables. */
export const openDataOtherFiles: readonly OpenDataOtherFile[] = [
  {
    file: 'figures.json',
    title: 'National figures',
    description:
      'The national counts of organisations that responded, used SIM or a SIM-type model, and appear to be continuing, in all and by feature, region and status.',
  },
  {
    file: 'record-public-key.pem',
    title: 'Public key of the record',
    description: 'The key that checks the signatures on the checkpoints.',
  },
  {
    file: 'data-dictionary.csv',
    title: 'Data dictionary (CSV)',
    description: 'Every column of every table: its name, type, meaning and an example.',
  },
  {
    file: 'data-dictionary.json',
    title: 'Data dictionary (JSON)',
    description: 'The same, with how to read the files and the other files of the download.',
  },
];

/** The table of the open data with this name, or undefined. */
export function findOpenDataTable(name: string): OpenDataTableEntry | undefined {
  return openDataTables.find((table) => table.name === name);
}

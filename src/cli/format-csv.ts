import type { DocumentScreening } from '../screening/document-screening.js';
import type { Finding } from '../screening/finding.js';
import type { OutputFormat } from './output-format.js';

const columns = [
  'path',
  'parent',
  'sha256',
  'type',
  'pages',
  'labels',
  'label',
  'indicator',
  'score',
  'page',
  'start',
  'end',
  'excerpt',
  'reason',
  'error_code',
  'error_message',
] as const;

type Cell = string | number | null;

/**
 * CSV (RFC 4180, CRLF line ends): a header, then one row per finding, and one row with empty
 * finding columns for each document without findings, so every document appears.
 */
export const csvFormat: OutputFormat = {
  begin: () => row(columns),
  document: (screening) =>
    screening.findings.length === 0
      ? row(cells(screening, undefined))
      : screening.findings.map((finding) => row(cells(screening, finding))).join(''),
  end: () => '',
};

function cells(screening: DocumentScreening, finding: Finding | undefined): Cell[] {
  return [
    screening.path,
    screening.parent,
    screening.sha256,
    screening.type,
    screening.pages,
    screening.labels.join(';'),
    finding?.label ?? null,
    finding?.indicator ?? null,
    finding?.score ?? null,
    finding?.page ?? null,
    finding?.start ?? null,
    finding?.end ?? null,
    finding?.excerpt ?? null,
    finding?.reason ?? null,
    screening.error?.code ?? null,
    screening.error?.message ?? null,
  ];
}

function row(values: readonly Cell[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

function field(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = defuseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Spreadsheets run a cell starting with = + - @ (or tab or CR before one) as a formula; document
 * text and archive member names are untrusted, so such cells get a leading apostrophe. A lone
 * "-" (standard input) is not a formula and is left alone.
 */
function defuseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && text !== '-' ? `'${text}` : text;
}

/** One cell of a CSV file: text, a number, or empty. */
export type CsvCell = string | number | null;

/** One CSV row (RFC 4180: fields quoted when needed, CRLF line end). */
export function csvRow(values: readonly CsvCell[]): string {
  return `${values.map(field).join(',')}\r\n`;
}

function field(value: CsvCell): string {
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

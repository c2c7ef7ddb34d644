import { csvRow } from '../../format/csv-row.js';
import type { NationalFigures } from '../status/national-figures.js';
import type { OpenDataTable } from './build-open-data.js';

/** The formats the open data's tables are published in. */
export const openDataFormats = ['csv', 'json'] as const;

/** One format of the open data's files. */
export type OpenDataFormat = (typeof openDataFormats)[number];

/**
 * One table as the text of a file: CSV with a header row, or a JSON array of objects keyed by
 * column. The command line and the web site both publish these, so their files are identical.
 */
export function openDataFile(table: OpenDataTable, format: OpenDataFormat): string {
  if (format === 'csv')
    return [csvRow(table.columns), ...table.rows.map((row) => csvRow(row))].join('');
  const records = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null])),
  );
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** The national figures as the text of `figures.json`. */
export function figuresFile(figures: NationalFigures): string {
  return `${JSON.stringify(figures, null, 2)}\n`;
}

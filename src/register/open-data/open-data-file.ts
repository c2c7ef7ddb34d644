import { csvRow, type CsvCell } from '../../format/csv-row.js';
import type { NationalFigures } from '../status/national-figures.js';
import type { OpenDataTable, OpenDataValue } from './build-open-data.js';
import {
  csvConventions,
  openDataConventions,
  openDataOtherFiles,
  openDataTables,
} from './open-data-dictionary.js';

/** The formats the open data's tables are published in. */
export const openDataFormats = ['csv', 'json'] as const;

/** One format of the open data's files. */
export type OpenDataFormat = (typeof openDataFormats)[number];

/** The byte-order mark that tells spreadsheet programs a CSV file is UTF-8. */
export const byteOrderMark = '\uFEFF';

/**
 * One table as the text of a file: CSV (with a byte-order mark and a header row, no line break
 * inside a value) or a JSON array of objects keyed by column, with real types. The command line
 * and the web site both publish these, so their files are identical.
 */
export function openDataFile(table: OpenDataTable, format: OpenDataFormat): string {
  if (format === 'csv')
    return csvFile([table.columns, ...table.rows.map((row) => row.map(csvCellOf))]);
  const records = table.rows.map((row) =>
    Object.fromEntries(table.columns.map((column, index) => [column, row[index] ?? null])),
  );
  return `${JSON.stringify(records, null, 2)}\n`;
}

/** A value as a CSV cell writes it (see `openDataConventions`). */
export function csvCellOf(value: OpenDataValue): CsvCell {
  if (value === null || typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return oneLine(value);
  return value.map(oneLine).join(csvConventions.listSeparator);
}

/** The national figures as the text of `figures.json`. */
export function figuresFile(figures: NationalFigures): string {
  return `${JSON.stringify(figures, null, 2)}\n`;
}

/** The data dictionary as a file: one row per column of each table (CSV), or in full (JSON). */
export function dictionaryFile(format: OpenDataFormat): string {
  if (format === 'csv')
    return csvFile([
      ['file', 'column', 'type', 'can_be_empty', 'meaning', 'example'],
      ...openDataTables.flatMap((table) =>
        table.columns.map((column) =>
          [
            `${table.name}.csv`,
            column.name,
            column.type,
            column.optional === true,
            column.meaning,
            column.example,
          ].map(csvCellOf),
        ),
      ),
    ]);
  const dictionary = {
    howToRead: openDataConventions,
    tables: openDataTables.map((table) => ({
      files: [`${table.name}.csv`, `${table.name}.json`],
      title: table.title,
      description: table.description,
      columns: table.columns.map((column) => ({
        name: column.name,
        type: column.type,
        canBeEmpty: column.optional === true,
        meaning: column.meaning,
        example: column.example,
      })),
    })),
    otherFiles: openDataOtherFiles,
  };
  return `${JSON.stringify(dictionary, null, 2)}\n`;
}

function csvFile(rows: readonly (readonly CsvCell[])[]): string {
  return byteOrderMark + rows.map((row) => csvRow(row)).join('');
}

// Every kind of line break, so that no CSV value spans two lines of the file.
function oneLine(text: string): string {
  return text.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, csvConventions.lineBreak);
}

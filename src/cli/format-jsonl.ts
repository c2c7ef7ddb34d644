import type { OutputFormat } from './output-format.js';
import { toScreeningRecord } from './screening-record.js';

/** JSON Lines: exactly one JSON object per document, one per line. */
export const jsonlFormat: OutputFormat = {
  begin: () => '',
  document: (screening) => `${JSON.stringify(toScreeningRecord(screening))}\n`,
  end: () => '',
};

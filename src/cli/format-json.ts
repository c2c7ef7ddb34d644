import type { OutputFormat } from './output-format.js';
import { toScreeningRecord } from './screening-record.js';

/** A pretty-printed JSON array of the documents, written one element at a time. */
export const jsonFormat: OutputFormat = {
  begin: () => '[',
  document: (screening, index) => {
    // JSON.stringify escapes newlines inside strings, so indenting every line is safe.
    const element = JSON.stringify(toScreeningRecord(screening), null, 2).replaceAll('\n', '\n  ');
    return `${index === 0 ? '\n' : ',\n'}  ${element}`;
  },
  end: (summary) => (summary.documents > 0 ? '\n]\n' : ']\n'),
};

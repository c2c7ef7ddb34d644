/** A small RFC 4180 reader for the tests: quoted fields, doubled quotes, CRLF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (char === '"' || char === '\n' || char === '\r') {
      throw new Error(`Cannot parse the CSV: stray ${JSON.stringify(char)} at offset ${i}`);
    } else field += char;
  }
  if (quoted) throw new Error('Cannot parse the CSV: a quoted field is not closed');
  if (field !== '' || row.length > 0)
    throw new Error('Cannot parse the CSV: the last row has no CRLF');
  return rows;
}

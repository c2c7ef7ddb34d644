import type { Checkpoint } from './checkpoint.js';
import { parseBundle } from './parse-bundle.js';

const columns = ['tree_size', 'root_hash', 'time', 'key_id', 'signature'] as const;

/**
 * Reads checkpoints saved outside the register, in any form simwatch publishes them: the open
 * data's `checkpoints.csv` or `checkpoints.json`, or a record bundle from `ledger export`.
 * Throws an Error naming the first thing wrong.
 */
export function parseWitnessCheckpoints(text: string): Checkpoint[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{')) return parseBundle(text).checkpoints;
  if (trimmed.startsWith('[')) return parseJsonRows(text);
  // The open data's CSV files start with a byte-order mark.
  return parseCsvRows(trimmed);
}

function parseJsonRows(text: string): Checkpoint[] {
  let rows: unknown;
  try {
    rows = JSON.parse(text);
  } catch (error) {
    fail(`it is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(rows)) fail('it must be a JSON array of checkpoints');
  return rows.map((row: unknown, index) => {
    const where = `checkpoint ${index + 1}`;
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      fail(`${where} must be an object`);
    const fields = row as Record<string, unknown>;
    const unexpected = Object.keys(fields).find((key) => !columns.some((name) => name === key));
    if (unexpected !== undefined) fail(`${where} has an unexpected field "${unexpected}"`);
    return readCheckpoint(
      columns.map((name) => {
        const value = fields[name];
        if (name === 'tree_size' && typeof value === 'number') return String(value);
        if (typeof value !== 'string') fail(`${where}'s "${name}" is missing or not a string`);
        return value;
      }),
      where,
    );
  });
}

function parseCsvRows(text: string): Checkpoint[] {
  const [header, ...rows] = readCsv(text);
  if (header?.join(',') !== columns.join(','))
    fail(
      `it is not a record bundle, nor checkpoints as JSON or CSV with the columns ${columns.join(',')}`,
    );
  return rows.map((row, index) => readCheckpoint(row.map(undoFormulaGuard), `row ${index + 2}`));
}

function readCheckpoint(cells: readonly string[], where: string): Checkpoint {
  const [treeSize, rootHash, time, keyId, signature] = cells;
  if (cells.length !== columns.length || signature === undefined)
    fail(`${where} has ${cells.length} fields, not ${columns.length}`);
  if (!/^(0|[1-9]\d{0,15})$/.test(treeSize ?? '') || !Number.isSafeInteger(Number(treeSize)))
    fail(`${where}'s tree_size "${treeSize}" is not a whole number`);
  if (!/^[0-9a-f]{64}$/.test(rootHash ?? ''))
    fail(`${where}'s root_hash must be 64 lowercase hex characters`);
  return {
    treeSize: Number(treeSize),
    rootHash: rootHash ?? '',
    time: time ?? '',
    keyId: keyId ?? '',
    signature,
  };
}

// RFC 4180: fields may be quoted, quotes doubled inside; lines end in CRLF or LF.
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charAt(at);
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += char;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.filter((each) => each.some((value) => value !== ''));
}

// The open data's CSV files put an apostrophe before a cell that a spreadsheet would run as a
// formula; a base64 signature may start with "+".
function undoFormulaGuard(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

function fail(detail: string): never {
  throw new Error(`Cannot read the checkpoints: ${detail}`);
}

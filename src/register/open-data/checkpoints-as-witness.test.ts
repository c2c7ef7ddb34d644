import { describe, expect, it } from 'vitest';

import { createSigningKey, signCheckpoint, type Checkpoint } from '../../record/checkpoint.js';
import { parseWitnessCheckpoints } from '../../record/parse-witness-checkpoints.js';
import { createBundle } from '../../record/record-bundle.js';
import { createSampleRecord } from '../../record/test-support/sample-record.js';
import { openDataFile } from './open-data-file.js';

const key = createSigningKey();
const record = createSampleRecord(12, [4, 9, 12], key);

// The open data's checkpoints table, built as buildOpenData builds it.
function checkpointsTable(checkpoints: readonly Checkpoint[]) {
  return {
    name: 'checkpoints',
    columns: ['tree_size', 'root_hash', 'time', 'key_id', 'signature'],
    rows: checkpoints.map((row) => [
      row.treeSize,
      row.rootHash,
      row.time,
      row.keyId,
      row.signature,
    ]),
  };
}

// A checkpoint whose base64 signature starts with "+" or "-", which the CSV guards as a formula.
function checkpointSignedWithFormulaLikeSignature(): Checkpoint {
  for (let day = 1; ; day++) {
    const checkpoint = signCheckpoint(
      { treeSize: 12, rootHash: record.checkpoints[2]?.rootHash ?? '', time: `2025-05-${day}` },
      key.privateKeyPem,
    );
    if (/^[+-]/.test(checkpoint.signature)) return checkpoint;
  }
}

describe('parseWitnessCheckpoints()', () => {
  it('reads back the checkpoints published as open data CSV and JSON, and from a bundle', () => {
    const table = checkpointsTable(record.checkpoints);
    expect(parseWitnessCheckpoints(openDataFile(table, 'csv'))).toEqual(record.checkpoints);
    expect(parseWitnessCheckpoints(openDataFile(table, 'json'))).toEqual(record.checkpoints);
    const bundle = createBundle(record, '2025-06-01T00:00:00.000Z');
    expect(parseWitnessCheckpoints(JSON.stringify(bundle))).toEqual(record.checkpoints);
  });

  it('undoes the CSV guard against spreadsheet formulas on a signature starting with + or -', () => {
    const checkpoint = checkpointSignedWithFormulaLikeSignature();
    const csv = openDataFile(checkpointsTable([checkpoint]), 'csv');
    expect(csv).toContain(`,'${checkpoint.signature}`);
    expect(parseWitnessCheckpoints(csv)).toEqual([checkpoint]);
  });

  it.each([
    [
      'text that is not checkpoints',
      'hello',
      /not a record bundle, nor checkpoints as JSON or CSV/,
    ],
    ['JSON that is not an array of objects', '[1]', /checkpoint 1 must be an object/],
    [
      'a JSON checkpoint with a field too many',
      '[{"tree_size":1,"root_hash":"","time":"","key_id":"","signature":"","note":""}]',
      /checkpoint 1 has an unexpected field "note"/,
    ],
    [
      'a CSV row with a bad tree size',
      `tree_size,root_hash,time,key_id,signature\r\nten,${'a'.repeat(64)},t,k,s\r\n`,
      /row 2's tree_size "ten" is not a whole number/,
    ],
    [
      'a CSV row with a short root hash',
      'tree_size,root_hash,time,key_id,signature\r\n3,abc,t,k,s\r\n',
      /row 2's root_hash must be 64 lowercase hex characters/,
    ],
    ['a broken bundle', '{"format":"x"}', /Cannot read the record bundle/],
  ])('refuses %s with a message saying what is wrong', (_, text, message) => {
    expect(() => parseWitnessCheckpoints(text)).toThrow(message);
  });
});

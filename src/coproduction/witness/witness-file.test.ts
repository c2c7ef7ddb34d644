import { describe, expect, it } from 'vitest';

import { createSigningKey, signCheckpoint } from '../../record/checkpoint.js';
import {
  addCheckpoint,
  createWitnessFile,
  formatWitnessFile,
  parseWitnessFile,
} from './witness-file.js';

const key = createSigningKey();
const checkpoint = (treeSize: number) =>
  signCheckpoint(
    { treeSize, rootHash: 'ab'.repeat(32), time: '2026-12-07T10:00:00.000Z' },
    key.privateKeyPem,
  );

describe('the witness file', () => {
  it('reads back what it writes, with checkpoints kept in order of size and not repeated', () => {
    let file = createWitnessFile('https://register.example', key.publicKeyPem);
    file = addCheckpoint(file, checkpoint(7));
    file = addCheckpoint(file, checkpoint(3));
    file = addCheckpoint(file, checkpoint(7));
    const read = parseWitnessFile(formatWitnessFile(file));
    expect(read).toEqual(file);
    expect(read.keyId).toBe(key.keyId);
    expect(read.checkpoints.map((each) => each.treeSize)).toEqual([3, 7]);
  });

  it('refuses a file whose key id is not that of its key', () => {
    const file = { ...createWitnessFile('https://register.example', key.publicKeyPem) };
    file.keyId = createSigningKey().keyId;
    expect(() => parseWitnessFile(formatWitnessFile(file))).toThrow(
      `Cannot read the witness file: "keyId" is not the id of "publicKeyPem" (${key.keyId})`,
    );
  });

  it('refuses a checkpoint whose root is not a hash, naming it', () => {
    const file = addCheckpoint(createWitnessFile('https://r.example', key.publicKeyPem), {
      ...checkpoint(2),
      rootHash: 'not a hash',
    });
    expect(() => parseWitnessFile(formatWitnessFile(file))).toThrow(
      'Cannot read the witness file: checkpoint 1\'s "rootHash" must be 64 lowercase hex characters',
    );
  });

  it('refuses text that is not a witness file', () => {
    expect(() => parseWitnessFile('[]')).toThrow('the file must be a JSON object');
    expect(() => parseWitnessFile('{"format":"other"}')).toThrow('"format" must be');
  });
});

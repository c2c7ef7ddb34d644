import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createSigningKey, signCheckpoint, type Checkpoint } from '../../record/checkpoint.js';
import { consistencyProof, merkleRoot } from '../../record/merkle-tree.js';
import { checkWitness, consistentMessage } from './check-witness.js';
import type { ConsistencyAnswer } from './consistency-answer.js';
import { addCheckpoint, createWitnessFile, type WitnessFile } from './witness-file.js';

const key = createSigningKey();

function leaves(count: number, rewrittenAt?: number): string[] {
  return Array.from({ length: count }, (_, index) =>
    createHash('sha256')
      .update(`event ${index}${index === rewrittenAt ? ' (rewritten)' : ''}`)
      .digest('hex'),
  );
}

function checkpointOf(record: string[], size: number, signingKey = key): Checkpoint {
  const time = new Date(Date.UTC(2026, 0, 1, 0, size)).toISOString();
  return signCheckpoint(
    { treeSize: size, rootHash: merkleRoot(record, { treeSize: size }), time },
    signingKey.privateKeyPem,
  );
}

// What the server answers for each saved size, from the record it holds now.
function answersFrom(
  record: string[],
  file: WitnessFile,
  latest: Checkpoint,
  options: { signedSizes?: boolean } = {},
): Map<number, ConsistencyAnswer> {
  return new Map(
    file.checkpoints
      .filter((saved) => saved.treeSize <= latest.treeSize)
      .map((saved) => [
        saved.treeSize,
        {
          oldSize: saved.treeSize,
          newSize: latest.treeSize,
          oldRoot: merkleRoot(record, { treeSize: saved.treeSize }),
          newRoot: merkleRoot(record, { treeSize: latest.treeSize }),
          proof: consistencyProof(saved.treeSize, record, { treeSize: latest.treeSize }),
          from: options.signedSizes === false ? null : checkpointOf(record, saved.treeSize),
          to: latest,
        },
      ]),
  );
}

function witnessOf(record: string[], sizes: number[]): WitnessFile {
  return sizes.reduce(
    (file, size) => addCheckpoint(file, checkpointOf(record, size)),
    createWitnessFile('https://register.example', key.publicKeyPem),
  );
}

describe('checkWitness()', () => {
  it('finds the record consistent when it has only grown since each saved checkpoint', () => {
    const seen = leaves(9);
    const file = witnessOf(seen, [1, 3, 4, 9]);
    const now = leaves(40);
    const latest = checkpointOf(now, 40);
    const verdict = checkWitness(file, latest, answersFrom(now, file, latest));
    expect(verdict).toMatchObject({ kind: 'consistent', checked: 4, latest });
    expect(verdict.message).toBe(consistentMessage);
  });

  it('proves a rewrite re-signed with the same key by the two signed roots for one size', () => {
    const file = witnessOf(leaves(9), [4, 9]);
    const rewritten = leaves(12, 6);
    const latest = checkpointOf(rewritten, 12);
    const verdict = checkWitness(file, latest, answersFrom(rewritten, file, latest));
    expect(verdict.kind).toBe('rewritten');
    if (verdict.kind !== 'rewritten') return;
    expect(verdict.contradictions.map((each) => each.saved.treeSize)).toEqual([9]);
    expect(verdict.contradictions[0]?.conflicting).toEqual(checkpointOf(rewritten, 9));
    expect(verdict.message).toMatch(
      /^rewritten: the record contradicts the checkpoint you saved of 9 events \(root [0-9a-f]{64}, signed .*\): the same key signed a different root/,
    );
  });

  it('proves a rewrite whose old checkpoints were deleted by the proof that fails to join', () => {
    const file = witnessOf(leaves(9), [2, 9]);
    const rewritten = leaves(16, 0);
    const latest = checkpointOf(rewritten, 16);
    const verdict = checkWitness(
      file,
      latest,
      answersFrom(rewritten, file, latest, { signedSizes: false }),
    );
    expect(verdict.kind).toBe('rewritten');
    if (verdict.kind !== 'rewritten') return;
    expect(verdict.contradictions.map((each) => each.saved.treeSize)).toEqual([2, 9]);
    expect(verdict.message).toContain('the first 2 events are not the ones you were shown');
  });

  it('proves events were removed when the latest checkpoint is smaller than a saved one', () => {
    const file = witnessOf(leaves(9), [9]);
    const cut = leaves(5);
    const latest = checkpointOf(cut, 5);
    const verdict = checkWitness(file, latest, answersFrom(cut, file, latest));
    expect(verdict.kind).toBe('rewritten');
    expect(verdict.message).toContain('covers only 5 events, fewer than the 9 you were shown');
  });

  it('proves a rewrite when the latest checkpoint has a saved size but another root', () => {
    const file = witnessOf(leaves(9), [9]);
    const rewritten = leaves(9, 8);
    const latest = checkpointOf(rewritten, 9);
    const verdict = checkWitness(file, latest, new Map());
    expect(verdict.kind).toBe('rewritten');
  });

  it('does not accept a proof that joins the roots the server claims rather than the saved root', () => {
    const file = witnessOf(leaves(9), [5]);
    const rewritten = leaves(20, 3);
    const latest = checkpointOf(rewritten, 20);
    // The server's own roots and proof agree with each other; only the saved root shows the lie.
    const answers = answersFrom(rewritten, file, latest, { signedSizes: false });
    expect(checkWitness(file, latest, answers).kind).toBe('rewritten');
  });

  it('checks nothing when the latest checkpoint is signed by another key', () => {
    const file = witnessOf(leaves(9), [9]);
    const now = leaves(12);
    const latest = checkpointOf(now, 12, createSigningKey());
    const verdict = checkWitness(file, latest, answersFrom(now, file, latest));
    expect(verdict.kind).toBe('unverified');
    expect(verdict.message).toContain('not the key your file holds');
  });

  it('checks nothing when the server gives no proof for a saved size', () => {
    const file = witnessOf(leaves(9), [3, 9]);
    const now = leaves(12);
    const latest = checkpointOf(now, 12);
    const answers = answersFrom(now, file, latest);
    answers.delete(3);
    const verdict = checkWitness(file, latest, answers);
    expect(verdict).toMatchObject({
      kind: 'unverified',
      problems: ['the server gave no consistency proof from 3 to 12 events'],
    });
  });

  it('finds an empty witness file consistent once the latest checkpoint is signed by its key', () => {
    const file = witnessOf([], []);
    const latest = checkpointOf(leaves(3), 3);
    expect(checkWitness(file, latest, new Map()).kind).toBe('consistent');
  });
});

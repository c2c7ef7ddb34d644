import { describe, expect, it } from 'vitest';
import { emptyTreeHash, leafHash } from './merkle-hash.js';
import { consistencyProof, createMerkleTree, merkleRoot } from './merkle-tree.js';
import { sampleData } from './test-support/reference-merkle.js';
import { verifyConsistency, type ConsistencyClaim } from './verify-consistency.js';

const tree = createMerkleTree(sampleData(33).map((bytes) => leafHash(bytes)));
const otherTree = createMerkleTree(
  sampleData(34)
    .slice(1)
    .map((bytes) => leafHash(bytes)),
);

function claimFor(oldSize: number, newSize: number): ConsistencyClaim {
  return {
    oldSize,
    newSize,
    oldRoot: merkleRoot(tree, { treeSize: oldSize }),
    newRoot: merkleRoot(tree, { treeSize: newSize }),
    proof: consistencyProof(oldSize, tree, { treeSize: newSize }),
  };
}

function flip(hash: string): string {
  return (hash.startsWith('0') ? '1' : '0') + hash.slice(1);
}

describe('verifyConsistency()', () => {
  it('accepts the proof for every m <= n <= 33', () => {
    for (let n = 0; n <= 33; n++) {
      for (let m = 0; m <= n; m++) {
        expect(verifyConsistency(claimFor(m, n)), `${m} to ${n}`).toBe(true);
      }
    }
  });

  it('rejects every proof with one hash changed', () => {
    for (let n = 2; n <= 33; n++) {
      for (let m = 1; m < n; m++) {
        const claim = claimFor(m, n);
        claim.proof.forEach((_, position) => {
          const proof = claim.proof.map((hash, at) => (at === position ? flip(hash) : hash));
          expect(verifyConsistency({ ...claim, proof }), `${m} to ${n} at ${position}`).toBe(false);
        });
      }
    }
  });

  it('rejects a changed old or new root for every 0 < m < n <= 33', () => {
    for (let n = 2; n <= 33; n++) {
      for (let m = 1; m < n; m++) {
        const claim = claimFor(m, n);
        expect(verifyConsistency({ ...claim, oldRoot: flip(claim.oldRoot) })).toBe(false);
        expect(verifyConsistency({ ...claim, newRoot: flip(claim.newRoot) })).toBe(false);
      }
    }
  });

  it('rejects an old tree that is not a prefix of the new one', () => {
    const claim = claimFor(10, 20);
    // Same size, different history: the other tree's first ten leaves differ from ours.
    const forkedRoot = merkleRoot(otherTree, { treeSize: 10 });
    expect(verifyConsistency({ ...claim, oldRoot: forkedRoot })).toBe(false);
  });

  it('rejects wrong sizes and truncated or padded proofs', () => {
    const claim = claimFor(7, 19);
    expect(verifyConsistency({ ...claim, oldSize: 6 })).toBe(false);
    // A size with the same proof shape would pass: the signed checkpoint binds size to root.
    expect(verifyConsistency({ ...claim, newSize: 33 })).toBe(false);
    expect(verifyConsistency({ ...claim, newSize: 16 })).toBe(false);
    expect(verifyConsistency({ ...claim, oldSize: 20 })).toBe(false);
    expect(verifyConsistency({ ...claim, proof: claim.proof.slice(0, -1) })).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [...claim.proof, claim.oldRoot] })).toBe(false);
    expect(verifyConsistency({ ...claim, proof: [] })).toBe(false);
  });

  it('treats equal sizes and an empty old tree as needing an empty proof and matching roots', () => {
    const same = claimFor(12, 12);
    expect(verifyConsistency({ ...same, newRoot: flip(same.newRoot) })).toBe(false);
    expect(verifyConsistency({ ...same, proof: [same.oldRoot] })).toBe(false);
    const fromEmpty = claimFor(0, 12);
    expect(fromEmpty.oldRoot).toBe(emptyTreeHash);
    expect(verifyConsistency({ ...fromEmpty, oldRoot: flip(emptyTreeHash) })).toBe(false);
  });

  it('answers false rather than throwing for malformed hashes', () => {
    const claim = claimFor(5, 9);
    expect(verifyConsistency({ ...claim, proof: ['xyz', ...claim.proof.slice(1)] })).toBe(false);
    expect(verifyConsistency({ ...claim, oldRoot: '' })).toBe(false);
  });
});

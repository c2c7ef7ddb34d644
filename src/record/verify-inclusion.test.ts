import { describe, expect, it } from 'vitest';
import { leafHash } from './merkle-hash.js';
import { createMerkleTree, inclusionProof, merkleRoot } from './merkle-tree.js';
import { sampleData } from './test-support/reference-merkle.js';
import { verifyInclusion, type InclusionClaim } from './verify-inclusion.js';

const leaves = sampleData(33).map((bytes) => leafHash(bytes));
const tree = createMerkleTree(leaves);

function claimFor(index: number, treeSize: number): InclusionClaim {
  return {
    index,
    treeSize,
    leafHash: leaves[index] ?? '',
    proof: inclusionProof(index, tree, { treeSize }),
    rootHash: merkleRoot(tree, { treeSize }),
  };
}

// Changes the first hex digit, so the hash stays well-formed but wrong.
function flip(hash: string): string {
  return (hash.startsWith('0') ? '1' : '0') + hash.slice(1);
}

describe('verifyInclusion()', () => {
  it('accepts the proof of every leaf in trees of 1 to 33 leaves', () => {
    for (let size = 1; size <= 33; size++) {
      for (let index = 0; index < size; index++) {
        expect(verifyInclusion(claimFor(index, size)), `leaf ${index} of ${size}`).toBe(true);
      }
    }
  });

  it('rejects a proof with any one of its hashes changed', () => {
    for (const [index, size] of [
      [0, 33],
      [17, 33],
      [32, 33],
      [5, 6],
      [12, 13],
    ] as const) {
      const claim = claimFor(index, size);
      claim.proof.forEach((_, position) => {
        const proof = claim.proof.map((hash, at) => (at === position ? flip(hash) : hash));
        expect(verifyInclusion({ ...claim, proof })).toBe(false);
      });
    }
  });

  it('rejects a changed leaf, root, index or tree size', () => {
    const claim = claimFor(9, 21);
    expect(verifyInclusion(claim)).toBe(true);
    expect(verifyInclusion({ ...claim, leafHash: flip(claim.leafHash) })).toBe(false);
    expect(verifyInclusion({ ...claim, leafHash: leaves[10] ?? '' })).toBe(false);
    expect(verifyInclusion({ ...claim, rootHash: flip(claim.rootHash) })).toBe(false);
    expect(verifyInclusion({ ...claim, index: 8 })).toBe(false);
    // A size with the same path shape would pass: the signed checkpoint is what binds size to root.
    expect(verifyInclusion({ ...claim, treeSize: 16 })).toBe(false);
    expect(verifyInclusion({ ...claim, treeSize: 33 })).toBe(false);
    expect(verifyInclusion({ ...claim, treeSize: 9 })).toBe(false);
  });

  it('rejects a proof with a hash missing or added', () => {
    const claim = claimFor(6, 20);
    expect(verifyInclusion({ ...claim, proof: claim.proof.slice(0, -1) })).toBe(false);
    expect(verifyInclusion({ ...claim, proof: [...claim.proof, leaves[0] ?? ''] })).toBe(false);
  });

  it('answers false rather than throwing for malformed input', () => {
    const claim = claimFor(3, 8);
    expect(verifyInclusion({ ...claim, proof: ['not hex', ...claim.proof.slice(1)] })).toBe(false);
    expect(verifyInclusion({ ...claim, rootHash: 'zz' })).toBe(false);
    expect(verifyInclusion({ ...claim, index: -1 })).toBe(false);
    expect(verifyInclusion({ ...claim, index: 1.5 })).toBe(false);
  });

  it('accepts the single leaf of a one-leaf tree with an empty proof', () => {
    const only = leaves[0] ?? '';
    expect(
      verifyInclusion({ index: 0, treeSize: 1, leafHash: only, proof: [], rootHash: only }),
    ).toBe(true);
  });
});

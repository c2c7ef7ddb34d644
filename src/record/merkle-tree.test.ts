import { describe, expect, it } from 'vitest';
import { emptyTreeHash, leafHash } from './merkle-hash.js';
import { consistencyProof, createMerkleTree, inclusionProof, merkleRoot } from './merkle-tree.js';
import {
  referencePath,
  referenceProof,
  referenceRoot,
  sampleData,
} from './test-support/reference-merkle.js';

function hex(hashes: Buffer[]): string[] {
  return hashes.map((hash) => hash.toString('hex'));
}

// The leaves and roots of the Certificate Transparency reference tests (RFC 6962 trees).
const ctLeaves = [
  '',
  '00',
  '10',
  '2021',
  '3031',
  '40414243',
  '5051525354555657',
  '606162636465666768696a6b6c6d6e6f',
];
const ctRoots = [
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

describe('merkleRoot()', () => {
  it.each(ctRoots.map((root, size) => [size, root] as const))(
    'matches the Certificate Transparency reference root for %i leaves',
    (size, root) => {
      const leaves = ctLeaves.slice(0, size).map((data) => leafHash(Buffer.from(data, 'hex')));
      expect(merkleRoot(leaves)).toBe(root);
    },
  );

  it('gives SHA-256 of nothing for an empty tree', () => {
    expect(merkleRoot([])).toBe(emptyTreeHash);
    expect(emptyTreeHash).toBe(ctRoots[0]);
  });

  it('matches the RFC 9162 definition for every size from 1 to 70', () => {
    const data = sampleData(70);
    const leaves = data.map((bytes) => leafHash(bytes));
    for (let size = 1; size <= 70; size++) {
      expect(merkleRoot(leaves.slice(0, size))).toBe(
        referenceRoot(data.slice(0, size)).toString('hex'),
      );
    }
  });

  it('gives the root of a prefix when asked for a smaller tree size', () => {
    const leaves = sampleData(40).map((bytes) => leafHash(bytes));
    const tree = createMerkleTree(leaves);
    for (const size of [0, 1, 7, 16, 33, 40]) {
      expect(merkleRoot(tree, { treeSize: size })).toBe(merkleRoot(leaves.slice(0, size)));
    }
    expect(() => merkleRoot(tree, { treeSize: 41 })).toThrow(
      'Cannot use a tree size of 41: there are 40 leaves',
    );
  });

  it('handles 100,001 leaves without recursion and agrees with the definition', () => {
    const data = sampleData(100_001);
    const leaves = data.map((bytes) => leafHash(bytes));
    expect(merkleRoot(leaves)).toBe(referenceRoot(data).toString('hex'));
  });

  it('rejects leaf hashes that are not hex SHA-256', () => {
    expect(() => merkleRoot(['abc'])).toThrow('Cannot use leaf 0: "abc" is not a hex SHA-256 hash');
  });
});

describe('inclusionProof()', () => {
  it('matches the RFC 9162 PATH for every leaf of trees of 1 to 33 leaves', () => {
    const data = sampleData(33);
    const leaves = data.map((bytes) => leafHash(bytes));
    for (let size = 1; size <= 33; size++) {
      const tree = createMerkleTree(leaves.slice(0, size));
      for (let index = 0; index < size; index++) {
        expect(inclusionProof(index, tree)).toEqual(hex(referencePath(index, data.slice(0, size))));
      }
    }
  });

  it('refuses a leaf outside the tree', () => {
    const leaves = sampleData(5).map((bytes) => leafHash(bytes));
    expect(() => inclusionProof(5, leaves)).toThrow(
      'Cannot prove inclusion: leaf 5 is not in a tree of 5 leaves',
    );
    expect(() => inclusionProof(3, leaves, { treeSize: 3 })).toThrow(
      'leaf 3 is not in a tree of 3',
    );
  });
});

describe('consistencyProof()', () => {
  it('matches the RFC 9162 PROOF for every 0 < m < n <= 33', () => {
    const data = sampleData(33);
    const tree = createMerkleTree(data.map((bytes) => leafHash(bytes)));
    for (let n = 2; n <= 33; n++) {
      for (let m = 1; m < n; m++) {
        expect(consistencyProof(m, tree, { treeSize: n })).toEqual(
          hex(referenceProof(m, data.slice(0, n))),
        );
      }
    }
  });

  it('is empty for an empty old tree or the same tree, and refuses an old tree larger than the new', () => {
    const leaves = sampleData(6).map((bytes) => leafHash(bytes));
    expect(consistencyProof(0, leaves)).toEqual([]);
    expect(consistencyProof(6, leaves)).toEqual([]);
    expect(() => consistencyProof(7, leaves)).toThrow(
      'Cannot prove consistency: 7 is not a size from 0 to 6',
    );
  });
});

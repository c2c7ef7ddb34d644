import { emptyTreeHash, getHashBytes, hashChildren } from './merkle-hash.js';
import { largestPowerOfTwoBelow } from './tree-arithmetic.js';

/**
 * Every perfect subtree hash, level by level (level 0 holds the leaves), so that the root of any
 * prefix, and any proof, costs O(log n) once the tree is built in O(n).
 */
export interface MerkleTree {
  readonly levels: readonly (readonly Buffer[])[];
}

/** Leaf hashes as hex, or a tree already built from them. */
export type MerkleLeaves = readonly string[] | MerkleTree;

/** Which prefix of the leaves to use: the first `treeSize` (default: all of them). */
export interface TreeSizeOption {
  treeSize?: number;
}

/** Builds the subtree levels from hex leaf hashes, iteratively so large trees cannot overflow the stack. */
export function createMerkleTree(leafHashes: readonly string[]): MerkleTree {
  const levels: Buffer[][] = [leafHashes.map((hex, index) => getHashBytes(hex, `leaf ${index}`))];
  for (let below = levels[0] ?? []; below.length > 1;) {
    const level: Buffer[] = [];
    for (let index = 0; index + 1 < below.length; index += 2) {
      level.push(hashChildren(at(below, index), at(below, index + 1)));
    }
    levels.push(level);
    below = level;
  }
  return { levels };
}

/** RFC 9162 §2.1.1 Merkle Tree Hash of the leaves (or of their first `treeSize`), as hex. */
export function merkleRoot(leaves: MerkleLeaves, options: TreeSizeOption = {}): string {
  const { tree, size } = resolve(leaves, options);
  return size === 0 ? emptyTreeHash : rangeHash(tree, 0, size).toString('hex');
}

/** RFC 9162 §2.1.3.1 PATH: sibling hashes from leaf `index` up to the root, as hex. */
export function inclusionProof(
  index: number,
  leaves: MerkleLeaves,
  options: TreeSizeOption = {},
): string[] {
  const { tree, size } = resolve(leaves, options);
  if (!Number.isSafeInteger(index) || index < 0 || index >= size) {
    throw new Error(`Cannot prove inclusion: leaf ${index} is not in a tree of ${size} leaves`);
  }
  const path: Buffer[] = [];
  let low = 0;
  let high = size;
  while (high - low > 1) {
    const split = low + largestPowerOfTwoBelow(high - low);
    if (index < split) {
      path.push(rangeHash(tree, split, high));
      high = split;
    } else {
      path.push(rangeHash(tree, low, split));
      low = split;
    }
  }
  // The walk goes root-down but the proof is read leaf-up.
  return path.reverse().map((hash) => hash.toString('hex'));
}

/** RFC 9162 §2.1.4.1 PROOF: shows the tree of the first `m` leaves is a prefix of the whole, as hex. */
export function consistencyProof(
  m: number,
  leaves: MerkleLeaves,
  options: TreeSizeOption = {},
): string[] {
  const { tree, size } = resolve(leaves, options);
  if (!Number.isSafeInteger(m) || m < 0 || m > size) {
    throw new Error(`Cannot prove consistency: ${m} is not a size from 0 to ${size}`);
  }
  if (m === 0 || m === size) return [];
  const proof: Buffer[] = [];
  let low = 0;
  let high = size;
  let startsAtZero = true;
  // SUBPROOF unrolled: each step keeps the side holding leaf m and records the other side's hash.
  while (m !== high) {
    const split = low + largestPowerOfTwoBelow(high - low);
    if (m <= split) {
      proof.push(rangeHash(tree, split, high));
      high = split;
    } else {
      proof.push(rangeHash(tree, low, split));
      low = split;
      startsAtZero = false;
    }
  }
  // The verifier already knows the old root when the old tree is this subtree (the RFC's b flag).
  if (!startsAtZero) proof.push(rangeHash(tree, low, high));
  return proof.reverse().map((hash) => hash.toString('hex'));
}

function resolve(
  leaves: MerkleLeaves,
  options: TreeSizeOption,
): { tree: MerkleTree; size: number } {
  const tree = 'levels' in leaves ? leaves : createMerkleTree(leaves);
  const count = tree.levels[0]?.length ?? 0;
  const size = options.treeSize ?? count;
  if (!Number.isSafeInteger(size) || size < 0 || size > count) {
    throw new Error(`Cannot use a tree size of ${size}: there are ${count} leaves`);
  }
  return { tree, size };
}

// Every range the RFC's recursion visits starts on a boundary of its largest perfect subtree, so
// it is a run of perfect subtrees of falling size, folded right to left.
function rangeHash(tree: MerkleTree, low: number, high: number): Buffer {
  const parts: Buffer[] = [];
  for (let level = tree.levels.length - 1; level >= 0; level--) {
    const width = 2 ** level;
    if (high - low < width) continue;
    parts.push(at(tree.levels[level] ?? [], low / width));
    low += width;
  }
  return parts.reduceRight((right, left) => hashChildren(left, right));
}

function at(hashes: readonly Buffer[], index: number): Buffer {
  const hash = hashes[index];
  if (hash === undefined) throw new Error(`Cannot find subtree ${index}: the tree is malformed`);
  return hash;
}

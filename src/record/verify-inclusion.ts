import { findHashBytes, hashChildren } from './merkle-hash.js';
import { half, isCount } from './tree-arithmetic.js';

/** A claim that a leaf is at `index` in the tree of `treeSize` leaves whose root is `rootHash`. */
export interface InclusionClaim {
  index: number;
  treeSize: number;
  leafHash: string;
  /** The audit path from {@link inclusionProof}, leaf-up, as hex. */
  proof: readonly string[];
  rootHash: string;
}

/** Checks an inclusion proof by the RFC 9162 §2.1.3.2 algorithm; malformed input is simply false. */
export function verifyInclusion(claim: InclusionClaim): boolean {
  const { index, treeSize } = claim;
  if (!isCount(index) || !isCount(treeSize) || index >= treeSize) return false;
  const root = findHashBytes(claim.rootHash);
  let hash = findHashBytes(claim.leafHash);
  const path = claim.proof.map(findHashBytes);
  if (root === undefined || hash === undefined) return false;
  let fn = index;
  let sn = treeSize - 1;
  for (const sibling of path) {
    if (sibling === undefined || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      hash = hashChildren(sibling, hash);
      // Skip the levels where this node has no right sibling and is promoted unchanged.
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      hash = hashChildren(hash, sibling);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && hash.equals(root);
}

import { emptyTreeHash, findHashBytes, hashChildren } from './merkle-hash.js';
import { half, isCount, isPowerOfTwo } from './tree-arithmetic.js';

/** A claim that the tree of `oldSize` leaves with `oldRoot` is a prefix of the one with `newRoot`. */
export interface ConsistencyClaim {
  oldSize: number;
  newSize: number;
  oldRoot: string;
  newRoot: string;
  /** The proof from {@link consistencyProof}, as hex. */
  proof: readonly string[];
}

/** Checks a consistency proof by the RFC 9162 §2.1.4.2 algorithm; malformed input is simply false. */
export function verifyConsistency(claim: ConsistencyClaim): boolean {
  const { oldSize, newSize, proof } = claim;
  const oldRoot = findHashBytes(claim.oldRoot);
  const newRoot = findHashBytes(claim.newRoot);
  const path = proof.map(findHashBytes);
  if (!isCount(oldSize) || !isCount(newSize) || oldSize > newSize) return false;
  if (oldRoot === undefined || newRoot === undefined) return false;
  // The RFC covers 0 < old < new; an empty tree or the same tree needs no proof at all.
  if (oldSize === 0) return proof.length === 0 && oldRoot.toString('hex') === emptyTreeHash;
  if (oldSize === newSize) return proof.length === 0 && oldRoot.equals(newRoot);
  if (proof.length === 0) return false;
  if (isPowerOfTwo(oldSize)) path.unshift(oldRoot);
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) [fn, sn] = [half(fn), half(sn)];
  const [first, ...rest] = path;
  if (first === undefined) return false;
  let oldHash = first;
  let newHash = first;
  for (const node of rest) {
    if (node === undefined || sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      oldHash = hashChildren(node, oldHash);
      newHash = hashChildren(node, newHash);
      while (fn % 2 === 0 && fn !== 0) [fn, sn] = [half(fn), half(sn)];
    } else {
      newHash = hashChildren(newHash, node);
    }
    [fn, sn] = [half(fn), half(sn)];
  }
  return sn === 0 && oldHash.equals(oldRoot) && newHash.equals(newRoot);
}

import { emptyTreeHash, getHashBytes, hashChildren } from './merkle-hash.js';

/**
 * The roots of the perfect subtrees that make up a Merkle tree of `size` leaves, largest first
 * (one for each bit set in `size`). Enough to extend the tree leaf by leaf and to give its root
 * without the leaves: a record that grows by one event costs O(log n) to sign again, not O(n).
 */
export interface MerkleFrontier {
  readonly size: number;
  /** Each subtree's root with its number of leaves (a power of two), largest first. */
  readonly subtrees: readonly { readonly leaves: number; readonly hash: Buffer }[];
}

export const emptyFrontier: MerkleFrontier = { size: 0, subtrees: [] };

/** The frontier after appending leaves (hex leaf hashes) to the tree of `frontier`. */
export function extendFrontier(
  frontier: MerkleFrontier,
  leafHashes: readonly string[],
): MerkleFrontier {
  const subtrees = [...frontier.subtrees];
  leafHashes.forEach((hex, index) => {
    let subtree = { leaves: 1, hash: getHashBytes(hex, `leaf ${frontier.size + index}`) };
    // Two neighbouring subtrees of equal size join into one twice as big.
    for (
      let last = subtrees.at(-1);
      last && last.leaves === subtree.leaves;
      last = subtrees.at(-1)
    ) {
      subtrees.pop();
      subtree = { leaves: last.leaves * 2, hash: hashChildren(last.hash, subtree.hash) };
    }
    subtrees.push(subtree);
  });
  return { size: frontier.size + leafHashes.length, subtrees };
}

/**
 * The RFC 9162 Merkle Tree Hash of the frontier's tree, as hex: the subtrees joined from the
 * smallest up, as the recursive split at the largest power of two below the size joins them.
 */
export function frontierRoot(frontier: MerkleFrontier): string {
  const { subtrees } = frontier;
  let root = subtrees.at(-1)?.hash;
  if (!root) return emptyTreeHash;
  for (let index = subtrees.length - 2; index >= 0; index -= 1)
    root = hashChildren(subtrees[index]?.hash ?? Buffer.alloc(0), root);
  return root.toString('hex');
}

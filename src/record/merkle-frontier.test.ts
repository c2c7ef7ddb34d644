import { describe, expect, it } from 'vitest';

import { leafHash } from './merkle-hash.js';
import { emptyFrontier, extendFrontier, frontierRoot } from './merkle-frontier.js';
import { merkleRoot } from './merkle-tree.js';

const leaves = Array.from({ length: 70 }, (_, index) => leafHash(Buffer.from(`event ${index}`)));

describe('Merkle frontier', () => {
  it('gives the same root as the whole tree for every size from 0 to 70', () => {
    for (let size = 0; size <= leaves.length; size += 1) {
      const frontier = extendFrontier(emptyFrontier, leaves.slice(0, size));
      expect(frontierRoot(frontier), `size ${size}`).toBe(merkleRoot(leaves.slice(0, size)));
      expect(frontier.subtrees.length).toBe(size.toString(2).replace(/0/g, '').length);
    }
  });

  it('extends in any steps to the same root', () => {
    let frontier = emptyFrontier;
    for (const step of [1, 2, 3, 5, 8, 13, 21, 17]) {
      frontier = extendFrontier(frontier, leaves.slice(frontier.size, frontier.size + step));
      expect(frontierRoot(frontier)).toBe(merkleRoot(leaves.slice(0, frontier.size)));
    }
    expect(frontier.size).toBe(70);
  });

  it('names a leaf that is not a hash', () => {
    expect(() => extendFrontier(emptyFrontier, [leaves[0] ?? '', 'nope'])).toThrow(/leaf 1/);
  });
});

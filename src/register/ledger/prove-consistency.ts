import type { Kysely } from 'kysely';

import type { ConsistencyAnswer } from '../../coproduction/witness/consistency-answer.js';
import { SimwatchError } from '../../errors.js';
import { consistencyProof, createMerkleTree, merkleRoot } from '../../record/merkle-tree.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { countEvents, findCheckpoint, listLeafHashes } from './record-reads.js';

/**
 * The RFC 9162 consistency proof between the record's first `from` and first `to` events, with
 * both roots as the record holds them now and the record's own signed checkpoints of those sizes
 * (so a witness holding an older checkpoint of `from` events can check it was not rewritten).
 */
export async function proveConsistency(
  db: Kysely<DatabaseSchema>,
  from: number,
  to: number,
): Promise<ConsistencyAnswer> {
  const size = await countEvents(db);
  if (!(0 <= from && from <= to && to <= size))
    throw new SimwatchError(
      'invalid_input',
      `Cannot prove consistency from ${from} to ${to} events: the record holds ${size}, and "from" must not be more than "to"`,
    );
  const tree = createMerkleTree(await listLeafHashes(db, to));
  return {
    oldSize: from,
    newSize: to,
    oldRoot: merkleRoot(tree, { treeSize: from }),
    newRoot: merkleRoot(tree, { treeSize: to }),
    proof: consistencyProof(from, tree, { treeSize: to }),
    from: (await findCheckpoint(db, from)) ?? null,
    to: (await findCheckpoint(db, to)) ?? null,
  };
}

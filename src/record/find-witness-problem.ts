import { keyIdOf, verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { consistencyProof, merkleRoot, type MerkleTree } from './merkle-tree.js';
import type { RecordProblem } from './record-problem.js';
import { verifyConsistency } from './verify-consistency.js';

/** Checkpoints kept outside the register (a witness), and where they came from, for messages. */
export interface WitnessCheckpoints {
  checkpoints: readonly Checkpoint[];
  /** Names the copy in messages, such as the file's name. */
  source: string;
}

/**
 * The first witnessed checkpoint that the record does not bear out: not signed by the record's
 * key, covering more events than the record holds, or not a prefix of the record (checked as an
 * auditor would, with a consistency proof from the witnessed tree to the record's whole tree).
 */
export function findWitnessProblem(
  tree: MerkleTree,
  record: { publicKeyPem: string },
  witness: WitnessCheckpoints,
): RecordProblem | undefined {
  const eventCount = tree.levels[0]?.length ?? 0;
  const rootHash = merkleRoot(tree);
  const keyId = keyIdOf(record.publicKeyPem);
  const matched = witness.checkpoints.filter(
    (checkpoint) =>
      checkpoint.treeSize <= eventCount && isPrefix(tree, checkpoint, { eventCount, rootHash }),
  );
  for (const [index, checkpoint] of witness.checkpoints.entries()) {
    const { treeSize } = checkpoint;
    const name = `Checkpoint ${index + 1} of ${witness.source} (${treeSize} events, signed ${checkpoint.time})`;
    if (checkpoint.keyId !== keyId)
      return {
        problem: `${name} was not signed by this register's key: it names key ${checkpoint.keyId} but the register's key is ${keyId}`,
      };
    if (!verifyCheckpoint(checkpoint, record.publicKeyPem))
      return {
        problem: `${name} has an invalid signature: the copy was changed or forged after signing`,
      };
    if (treeSize > eventCount) {
      const removed =
        treeSize === eventCount + 1
          ? `event ${treeSize} has`
          : `events ${eventCount + 1} to ${treeSize} have`;
      return {
        problem: `The record is shorter than ${name}: it holds ${eventCount} events, so ${removed} been removed`,
        seq: eventCount + 1,
      };
    }
    if (!matched.includes(checkpoint)) {
      // Events up to the largest witnessed tree that still matches are as signed.
      const first =
        1 + Math.max(0, ...matched.map((each) => each.treeSize).filter((size) => size < treeSize));
      const events =
        first === treeSize ? `event ${first}` : `an event from ${first} to ${treeSize}`;
      return {
        problem: `${name} does not match the record: ${events} has been rewritten since it was signed`,
        seq: first,
      };
    }
  }
  return undefined;
}

function isPrefix(
  tree: MerkleTree,
  checkpoint: Checkpoint,
  whole: { eventCount: number; rootHash: string },
): boolean {
  return verifyConsistency({
    oldSize: checkpoint.treeSize,
    newSize: whole.eventCount,
    oldRoot: checkpoint.rootHash,
    newRoot: whole.rootHash,
    proof: consistencyProof(checkpoint.treeSize, tree),
  });
}

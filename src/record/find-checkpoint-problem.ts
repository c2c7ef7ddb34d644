import { keyIdOf, verifyCheckpoint, type Checkpoint } from './checkpoint.js';
import { consistencyProof, merkleRoot, type MerkleTree } from './merkle-tree.js';
import type { RecordProblem } from './record-problem.js';
import { verifyConsistency } from './verify-consistency.js';

/** The first checkpoint that is forged, out of order, beyond the log or not matching the log. */
export function findCheckpointProblem(
  tree: MerkleTree,
  record: { checkpoints: readonly Checkpoint[]; publicKeyPem: string },
): RecordProblem | undefined {
  const eventCount = tree.levels[0]?.length ?? 0;
  const keyId = findKeyId(record.publicKeyPem);
  if (keyId === undefined)
    return { problem: 'The record cannot be checked: its public key is not an Ed25519 key' };
  let previous: Checkpoint | undefined;
  for (const [index, checkpoint] of record.checkpoints.entries()) {
    const { treeSize } = checkpoint;
    const name = `Checkpoint ${index + 1}`;
    if (!Number.isSafeInteger(treeSize) || treeSize < 0) {
      return { problem: `${name} has no valid tree size` };
    }
    if (checkpoint.keyId !== keyId) {
      const detail = `it names key ${checkpoint.keyId} but the record's key is ${keyId}`;
      return { problem: `${name} was signed by another key: ${detail}` };
    }
    if (!verifyCheckpoint(checkpoint, record.publicKeyPem)) {
      return {
        problem: `${name} has an invalid signature: it was changed or forged after signing`,
      };
    }
    if (previous !== undefined && treeSize < previous.treeSize) {
      const detail = `it covers ${treeSize} events but checkpoint ${index} covers ${previous.treeSize}`;
      return { problem: `${name} is out of order: ${detail}` };
    }
    if (treeSize > eventCount) {
      const detail = `${name.toLowerCase()} covers ${treeSize} events but only ${eventCount} remain`;
      return { problem: `The log has been truncated: ${detail}`, seq: eventCount + 1 };
    }
    if (merkleRoot(tree, { treeSize }) !== checkpoint.rootHash) {
      // Events up to the previous checkpoint matched it, so the change lies after them.
      const first = (previous?.treeSize ?? 0) + 1;
      const problem = `${name} (${treeSize} events) does not match the log`;
      if (first > treeSize) {
        return { problem: `${problem}: the events it covers are unchanged, so its root is wrong` };
      }
      return {
        problem: `${problem}: an event from ${first} to ${treeSize} has changed since it was signed`,
        seq: first,
      };
    }
    if (previous !== undefined && !isConsistent(tree, previous, checkpoint)) {
      return { problem: `${name} does not extend checkpoint ${index}: their logs have diverged` };
    }
    previous = checkpoint;
  }
  return undefined;
}

// With both roots already matched to the log this cannot fail; it checks, from the events, the
// proof an auditor who kept only the earlier checkpoint would be given for the later one.
function isConsistent(tree: MerkleTree, older: Checkpoint, newer: Checkpoint): boolean {
  return verifyConsistency({
    oldSize: older.treeSize,
    newSize: newer.treeSize,
    oldRoot: older.rootHash,
    newRoot: newer.rootHash,
    proof: consistencyProof(older.treeSize, tree, { treeSize: newer.treeSize }),
  });
}

function findKeyId(publicKeyPem: string): string | undefined {
  try {
    return keyIdOf(publicKeyPem);
  } catch {
    return undefined;
  }
}

// A small, valid record to tamper with in tests.
import { signCheckpoint, type Checkpoint, type SigningKey } from '../checkpoint.js';
import { chainEvent, eventLeafHash, type RecordEvent } from '../event-hash.js';
import { createMerkleTree, merkleRoot } from '../merkle-tree.js';

/** Events 1..`eventCount`, one a minute, with a checkpoint signed at each of `checkpointSizes`. */
export function createSampleRecord(
  eventCount: number,
  checkpointSizes: readonly number[],
  key: SigningKey,
): { events: RecordEvent[]; checkpoints: Checkpoint[]; publicKeyPem: string } {
  const events: RecordEvent[] = [];
  for (let seq = 1; seq <= eventCount; seq++) {
    const time = new Date(Date.UTC(2025, 0, 1, 9, seq)).toISOString();
    const payload = {
      title: `Document ${seq}`,
      pages: seq % 7,
      tags: ['minutes', `batch-${seq % 3}`],
    };
    events.push(
      chainEvent(events.at(-1), {
        time,
        actor: 'editor@example.org',
        type: 'document.added',
        payload,
      }),
    );
  }
  const tree = createMerkleTree(events.map(eventLeafHash));
  const checkpoints = checkpointSizes.map((treeSize) =>
    signCheckpoint(
      {
        treeSize,
        rootHash: merkleRoot(tree, { treeSize }),
        time: new Date(Date.UTC(2025, 1, treeSize)).toISOString(),
      },
      key.privateKeyPem,
    ),
  );
  return { events, checkpoints, publicKeyPem: key.publicKeyPem };
}

/** The events with event `seq` replaced by `change(event)`, leaving the rest as they were. */
export function rewriteEvent(
  events: readonly RecordEvent[],
  seq: number,
  change: (event: RecordEvent) => RecordEvent,
): RecordEvent[] {
  return events.map((event) => (event.seq === seq ? change(event) : event));
}

/** The events with every event from `seq` on re-chained, as a forger rewriting history would. */
export function rechainFrom(events: readonly RecordEvent[], seq: number): RecordEvent[] {
  const rewritten = events.slice(0, seq - 1);
  for (const event of events.slice(seq - 1)) rewritten.push(chainEvent(rewritten.at(-1), event));
  return rewritten;
}

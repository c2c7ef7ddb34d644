import type { Checkpoint } from './checkpoint.js';
import { eventLeafHash, type RecordEvent } from './event-hash.js';
import { findChainProblem } from './find-chain-problem.js';
import { findCheckpointProblem } from './find-checkpoint-problem.js';
import { findCoverageProblem } from './find-coverage-problem.js';
import { findNumberingProblem } from './find-numbering-problem.js';
import { findWitnessProblem, type WitnessCheckpoints } from './find-witness-problem.js';
import { createMerkleTree, merkleRoot } from './merkle-tree.js';
import type { RecordProblem } from './record-problem.js';

/** A record as kept or exported: the events, the signed checkpoints and the signer's public key. */
export interface RecordToVerify {
  events: readonly RecordEvent[];
  checkpoints: readonly Checkpoint[];
  publicKeyPem: string;
}

/** Either the record is intact (with the root of all its events) or the first problem found. */
export type RecordVerdict =
  | {
      ok: true;
      events: number;
      checkpoints: number;
      rootHash: string;
      /** How many witnessed checkpoints the record bears out, when a witness was given. */
      witnessed?: number;
    }
  | ({ ok: false } & RecordProblem);

/** Checkpoints kept elsewhere to check the record against. */
export interface WitnessOption {
  witness?: WitnessCheckpoints;
}

/**
 * Checks numbering, then the hash chain, then every checkpoint's signature, size and root, then
 * that consecutive checkpoints are consistent, then the witnessed checkpoints if given, then that
 * the last checkpoint covers every event; reports the first problem.
 */
export function verifyRecord(record: RecordToVerify, options: WitnessOption = {}): RecordVerdict {
  const { events, checkpoints } = record;
  const chainProblem = findNumberingProblem(events) ?? findChainProblem(events);
  if (chainProblem !== undefined) return { ok: false, ...chainProblem };
  const tree = createMerkleTree(events.map(eventLeafHash));
  const { witness } = options;
  const problem =
    findCheckpointProblem(tree, record) ??
    (witness && findWitnessProblem(tree, record, witness)) ??
    findCoverageProblem(events.length, checkpoints);
  if (problem !== undefined) return { ok: false, ...problem };
  return {
    ok: true,
    events: events.length,
    checkpoints: checkpoints.length,
    rootHash: merkleRoot(tree),
    ...(witness && { witnessed: witness.checkpoints.length }),
  };
}

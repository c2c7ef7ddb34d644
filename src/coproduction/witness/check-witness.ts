import { verifyCheckpoint, type Checkpoint } from '../../record/checkpoint.js';
import { verifyConsistency } from '../../record/verify-consistency.js';
import type { ConsistencyAnswer } from './consistency-answer.js';
import type { WitnessFile } from './witness-file.js';

/** A saved checkpoint the record now contradicts, and what shows it. */
export interface Contradiction {
  saved: Checkpoint;
  /** One sentence: what the record did that an append-only record cannot. */
  reason: string;
  /** A checkpoint signed by the same key that conflicts with the saved one, when the server gave one. */
  conflicting: Checkpoint | null;
}

/** The outcome of checking a witness file against what a server shows now. */
export type WitnessVerdict =
  | { kind: 'consistent'; latest: Checkpoint; checked: number; message: string }
  | { kind: 'rewritten'; latest: Checkpoint; contradictions: Contradiction[]; message: string }
  | { kind: 'unverified'; problems: string[]; message: string };

/** The message of a consistent verdict, word for word. */
export const consistentMessage = 'consistent: the history you saw is a prefix of the record now';

/**
 * Checks, as an auditor would, that the record a server shows now (its latest signed checkpoint
 * and a consistency proof from each saved tree size, keyed by that size) extends every checkpoint
 * the party saved: signed by the pinned key, never smaller, and a prefix by RFC 9162 proof.
 * "rewritten" is proof that the history was altered; "unverified" means it could not be checked.
 */
export function checkWitness(
  file: WitnessFile,
  latest: Checkpoint,
  answers: ReadonlyMap<number, ConsistencyAnswer>,
): WitnessVerdict {
  if (!verifyCheckpoint(latest, file.publicKeyPem))
    return unverified([
      latest.keyId === file.keyId
        ? `the record's latest checkpoint (${latest.treeSize} events) does not carry a valid signature by the key your file holds (${file.keyId})`
        : `the record's latest checkpoint is signed by key ${latest.keyId}, not the key your file holds (${file.keyId}): ask the server's operator why the key changed`,
    ]);
  const contradictions: Contradiction[] = [];
  const problems: string[] = [];
  for (const saved of file.checkpoints) {
    const found = contradictionOf(file, saved, latest, answers.get(saved.treeSize));
    if (typeof found === 'string') problems.push(found);
    else if (found) contradictions.push(found);
  }
  const first = contradictions[0];
  if (first)
    return {
      kind: 'rewritten',
      latest,
      contradictions,
      message: `rewritten: the record contradicts the checkpoint you saved of ${first.saved.treeSize} events (root ${first.saved.rootHash}, signed ${first.saved.time}): ${first.reason}`,
    };
  if (problems.length > 0) return unverified(problems);
  return {
    kind: 'consistent',
    latest,
    checked: file.checkpoints.length,
    message: consistentMessage,
  };
}

// A Contradiction, a string when it could not be checked, or null when the record bears it out.
function contradictionOf(
  file: WitnessFile,
  saved: Checkpoint,
  latest: Checkpoint,
  answer: ConsistencyAnswer | undefined,
): Contradiction | string | null {
  const size = saved.treeSize;
  if (!verifyCheckpoint(saved, file.publicKeyPem))
    return `your saved checkpoint of ${size} events is not signed by the key your file holds, so it proves nothing`;
  if (size > latest.treeSize)
    return {
      saved,
      conflicting: latest,
      reason: `the record's latest signed checkpoint covers only ${latest.treeSize} events, fewer than the ${size} you were shown: events were removed`,
    };
  if (size === latest.treeSize)
    return saved.rootHash === latest.rootHash
      ? null
      : {
          saved,
          conflicting: latest,
          reason: `the same key signed a different root (${latest.rootHash}) for the same ${size} events on ${latest.time}: they were rewritten and re-signed`,
        };
  const from = answer?.from;
  if (from && from.treeSize === size && from.rootHash !== saved.rootHash)
    if (verifyCheckpoint(from, file.publicKeyPem))
      return {
        saved,
        conflicting: from,
        reason: `the same key signed a different root (${from.rootHash}) for the same ${size} events on ${from.time}: they were rewritten and re-signed`,
      };
  if (!answer || answer.oldSize !== size || answer.newSize !== latest.treeSize)
    return `the server gave no consistency proof from ${size} to ${latest.treeSize} events`;
  const claim = {
    oldSize: size,
    newSize: latest.treeSize,
    oldRoot: saved.rootHash,
    newRoot: latest.rootHash,
    proof: answer.proof,
  };
  if (verifyConsistency(claim)) return null;
  return {
    saved,
    conflicting: null,
    reason: `the record's consistency proof does not join this root to its latest signed root of ${latest.treeSize} events (${latest.rootHash}): the first ${size} events are not the ones you were shown`,
  };
}

function unverified(problems: string[]): WitnessVerdict {
  return {
    kind: 'unverified',
    problems,
    message: `not checked: ${problems.join('; ')}`,
  };
}

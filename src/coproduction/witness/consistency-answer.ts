import type { Checkpoint } from '../../record/checkpoint.js';
import type { ConsistencyClaim } from '../../record/verify-consistency.js';
import { readCheckpoint } from './witness-file.js';

/**
 * What `/record/consistency.json?from=M&to=N` answers: the RFC 9162 consistency proof between the
 * record's first M and first N events, their roots as the record holds them now, and the record's
 * own signed checkpoints of those sizes when it has them (null otherwise).
 */
export interface ConsistencyAnswer extends ConsistencyClaim {
  from: Checkpoint | null;
  to: Checkpoint | null;
}

/** What `/record/checkpoints.json` answers: the latest signed checkpoint (and all, when asked). */
export interface CheckpointsAnswer {
  keyId: string | null;
  latest: Checkpoint | null;
  checkpoints?: Checkpoint[];
}

const answerFields = ['oldSize', 'newSize', 'oldRoot', 'newRoot', 'proof', 'from', 'to'];

/** Reads a server's consistency answer from untrusted JSON; throws an Error naming what is wrong. */
export function readConsistencyAnswer(value: unknown): ConsistencyAnswer {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('it is not a JSON object');
  const fields = value as Record<string, unknown>;
  const unexpected = Object.keys(fields).find((key) => !answerFields.includes(key));
  if (unexpected !== undefined) fail(`it has an unexpected field "${unexpected}"`);
  const { oldSize, newSize, oldRoot, newRoot, proof } = fields;
  if (!isCount(oldSize) || !isCount(newSize)) fail('"oldSize" and "newSize" must be whole numbers');
  if (!isHash(oldRoot) || !isHash(newRoot)) fail('"oldRoot" and "newRoot" must be SHA-256 hex');
  if (!Array.isArray(proof) || !proof.every(isHash)) fail('"proof" must be an array of hashes');
  return {
    oldSize,
    newSize,
    oldRoot,
    newRoot,
    proof: proof,
    from: readOptionalCheckpoint(fields.from, '"from"'),
    to: readOptionalCheckpoint(fields.to, '"to"'),
  };
}

/** Reads a server's checkpoints answer from untrusted JSON; throws an Error naming what is wrong. */
export function readCheckpointsAnswer(value: unknown): CheckpointsAnswer {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('it is not a JSON object');
  const fields = value as Record<string, unknown>;
  const keyId = fields.keyId;
  if (keyId !== null && typeof keyId !== 'string') fail('"keyId" must be a string or null');
  return { keyId, latest: readOptionalCheckpoint(fields.latest, '"latest"') };
}

function readOptionalCheckpoint(value: unknown, where: string): Checkpoint | null {
  if (value === null || value === undefined) return null;
  try {
    return readCheckpoint(value, where);
  } catch (error) {
    fail((error as Error).message);
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isHash(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);
}

function fail(detail: string): never {
  throw new Error(`Cannot read the server's answer: ${detail}`);
}

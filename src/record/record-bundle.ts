import { keyIdOf, type Checkpoint } from './checkpoint.js';
import type { RecordEvent } from './event-hash.js';
import {
  verifyRecord,
  type RecordToVerify,
  type RecordVerdict,
  type WitnessOption,
} from './verify-record.js';

/** A whole record in one JSON document, so anyone can check it offline with the public key. */
export interface RecordBundle {
  format: 'simwatch-record-bundle';
  version: 1;
  publicKeyPem: string;
  events: RecordEvent[];
  checkpoints: Checkpoint[];
  /** ISO 8601 UTC time of export. */
  exportedAt: string;
}

/** Packs a record into a bundle, keeping only the fields that the hashes and signatures cover. */
export function createBundle(record: RecordToVerify, exportedAt: string): RecordBundle {
  return {
    format: 'simwatch-record-bundle',
    version: 1,
    publicKeyPem: record.publicKeyPem,
    events: record.events.map(({ seq, time, actor, type, payload, prevHash, hash }) => ({
      seq,
      time,
      actor,
      type,
      payload,
      prevHash,
      hash,
    })),
    checkpoints: record.checkpoints.map(({ treeSize, rootHash, time, keyId, signature }) => ({
      treeSize,
      rootHash,
      time,
      keyId,
      signature,
    })),
    exportedAt,
  };
}

/** The key the verifier already trusts, learnt from somewhere other than the bundle. */
export interface TrustedKeyOption {
  keyId?: string;
}

/**
 * Verifies the bundle's record against the public key it carries. Anyone can make a bundle that
 * is consistent with their own key, so pass `keyId` from a trusted source to pin the signer.
 */
export function verifyBundle(
  bundle: RecordBundle,
  options: TrustedKeyOption & WitnessOption = {},
): RecordVerdict {
  const verdict = verifyRecord(bundle, options.witness ? { witness: options.witness } : {});
  if (!verdict.ok || options.keyId === undefined) return verdict;
  const keyId = keyIdOf(bundle.publicKeyPem);
  if (keyId === options.keyId) return verdict;
  return {
    ok: false,
    problem: `The bundle is signed by key ${keyId}, not the trusted key ${options.keyId}`,
  };
}

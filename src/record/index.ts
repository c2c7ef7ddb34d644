/** The tamper-evident record: hash-chained events, Merkle checkpoints and offline verification. */
export { canonicalJson } from './canonical-json.js';
export { chainEvent, eventLeafHash, genesisHash, hashEvent } from './event-hash.js';
export type { EventDraft, RecordEvent } from './event-hash.js';
export { emptyTreeHash, leafHash } from './merkle-hash.js';
export { consistencyProof, createMerkleTree, inclusionProof, merkleRoot } from './merkle-tree.js';
export type { MerkleLeaves, MerkleTree, TreeSizeOption } from './merkle-tree.js';
export { verifyInclusion } from './verify-inclusion.js';
export type { InclusionClaim } from './verify-inclusion.js';
export { verifyConsistency } from './verify-consistency.js';
export type { ConsistencyClaim } from './verify-consistency.js';
export { createSigningKey, keyIdOf, signCheckpoint, verifyCheckpoint } from './checkpoint.js';
export type { Checkpoint, CheckpointFields, SigningKey } from './checkpoint.js';
export { verifyRecord } from './verify-record.js';
export type { RecordToVerify, RecordVerdict } from './verify-record.js';
export type { RecordProblem } from './record-problem.js';
export { createBundle, verifyBundle } from './record-bundle.js';
export type { RecordBundle, TrustedKeyOption } from './record-bundle.js';
export { parseBundle } from './parse-bundle.js';

import { keyIdOf, type Checkpoint } from '../../record/checkpoint.js';

/** The format line every witness file starts with. */
export const witnessFileFormat = 'simwatch witness, version 1';

/**
 * A party's own copy of the record's signed checkpoints: the server they came from, the public
 * key that signed them (pinned when the file was started) and each checkpoint the party was shown.
 */
export interface WitnessFile {
  format: typeof witnessFileFormat;
  server: string;
  keyId: string;
  publicKeyPem: string;
  /** Oldest first. */
  checkpoints: Checkpoint[];
}

const fileFields = ['format', 'server', 'keyId', 'publicKeyPem', 'checkpoints'];
const checkpointFields = ['treeSize', 'rootHash', 'time', 'keyId', 'signature'];

/** Starts a witness file for a server and its key, holding no checkpoint yet. */
export function createWitnessFile(server: string, publicKeyPem: string): WitnessFile {
  return {
    format: witnessFileFormat,
    server,
    keyId: keyIdOf(publicKeyPem),
    publicKeyPem,
    checkpoints: [],
  };
}

/** The file with the checkpoint added in order of tree size (unchanged if it holds that one). */
export function addCheckpoint(file: WitnessFile, checkpoint: Checkpoint): WitnessFile {
  if (file.checkpoints.some((saved) => sameCheckpoint(saved, checkpoint))) return file;
  const checkpoints = [...file.checkpoints, checkpoint].sort((a, b) => a.treeSize - b.treeSize);
  return { ...file, checkpoints };
}

/** The file as JSON text, as written to disk. */
export function formatWitnessFile(file: WitnessFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a witness file, checking its shape; throws an Error naming the first thing wrong. */
export function parseWitnessFile(text: string): WitnessFile {
  try {
    return readWitnessFile(text);
  } catch (error) {
    throw new Error(`Cannot read the witness file: ${(error as Error).message}`, { cause: error });
  }
}

function readWitnessFile(text: string): WitnessFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`it is not JSON (${(error as Error).message})`);
  }
  const fields = readObject(value, 'the file', fileFields);
  if (fields.format !== witnessFileFormat) fail(`"format" must be "${witnessFileFormat}"`);
  const publicKeyPem = readString(fields, 'publicKeyPem', 'the file');
  let keyId;
  try {
    keyId = keyIdOf(publicKeyPem);
  } catch (error) {
    fail(`"publicKeyPem" is not an Ed25519 public key (${(error as Error).message})`);
  }
  if (fields.keyId !== keyId) fail(`"keyId" is not the id of "publicKeyPem" (${keyId})`);
  const list = fields.checkpoints;
  if (!Array.isArray(list)) fail('"checkpoints" must be an array');
  return {
    format: witnessFileFormat,
    server: readString(fields, 'server', 'the file'),
    keyId,
    publicKeyPem,
    checkpoints: list.map((item: unknown, index) =>
      readCheckpoint(item, `checkpoint ${index + 1}`),
    ),
  };
}

/** Reads one checkpoint from untrusted JSON (a file or a server's answer), or throws the detail. */
export function readCheckpoint(value: unknown, where: string): Checkpoint {
  const fields = readObject(value, where, checkpointFields);
  const treeSize = fields.treeSize;
  if (typeof treeSize !== 'number' || !Number.isSafeInteger(treeSize) || treeSize < 0)
    fail(`${where}'s "treeSize" must be a whole number`);
  const rootHash = readString(fields, 'rootHash', where);
  if (!/^[0-9a-f]{64}$/.test(rootHash))
    fail(`${where}'s "rootHash" must be 64 lowercase hex characters`);
  return {
    treeSize,
    rootHash,
    time: readString(fields, 'time', where),
    keyId: readString(fields, 'keyId', where),
    signature: readString(fields, 'signature', where),
  };
}

/** Whether two checkpoints are the same signed statement. */
export function sameCheckpoint(a: Checkpoint, b: Checkpoint): boolean {
  return (
    a.treeSize === b.treeSize &&
    a.rootHash === b.rootHash &&
    a.time === b.time &&
    a.keyId === b.keyId &&
    a.signature === b.signature
  );
}

function readObject(value: unknown, where: string, allowed: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(`${where} must be a JSON object`);
  const unexpected = Object.keys(value).find((key) => !allowed.includes(key));
  if (unexpected !== undefined) fail(`${where} has an unexpected field "${unexpected}"`);
  return value as Record<string, unknown>;
}

function readString(fields: Record<string, unknown>, name: string, where: string): string {
  const value = fields[name];
  if (typeof value !== 'string' || value === '')
    fail(`${where}'s "${name}" is missing or not a string`);
  return value;
}

function fail(detail: string): never {
  throw new Error(detail);
}

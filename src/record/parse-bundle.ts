import type { Checkpoint } from './checkpoint.js';
import type { RecordEvent } from './event-hash.js';
import type { RecordBundle } from './record-bundle.js';

type Fields = Record<string, unknown>;

const bundleFields = ['format', 'version', 'publicKeyPem', 'events', 'checkpoints', 'exportedAt'];
const eventFields = ['seq', 'time', 'actor', 'type', 'payload', 'prevHash', 'hash'];
const checkpointFields = ['treeSize', 'rootHash', 'time', 'keyId', 'signature'];

/** Reads a bundle from JSON, checking its shape; throws an Error naming the first thing wrong. */
export function parseBundle(json: string): RecordBundle {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new Error(`Cannot read the record bundle: it is not JSON (${(error as Error).message})`);
  }
  const bundle = readObject(value, '', bundleFields);
  if (bundle.format !== 'simwatch-record-bundle')
    fail('format', 'must be "simwatch-record-bundle"');
  if (bundle.version !== 1)
    fail('version', `is ${JSON.stringify(bundle.version)}; only version 1 can be read`);
  return {
    format: 'simwatch-record-bundle',
    version: 1,
    publicKeyPem: readString(bundle, 'publicKeyPem', ''),
    events: readArray(bundle, 'events').map(readEvent),
    checkpoints: readArray(bundle, 'checkpoints').map(readCheckpoint),
    exportedAt: readString(bundle, 'exportedAt', ''),
  };
}

function readEvent(value: unknown, index: number): RecordEvent {
  const path = `events[${index}]`;
  const event = readObject(value, path, eventFields);
  return {
    seq: readCount(event, 'seq', path),
    time: readString(event, 'time', path),
    actor: readString(event, 'actor', path),
    type: readString(event, 'type', path),
    payload: event.payload,
    prevHash: readHash(event, 'prevHash', path),
    hash: readHash(event, 'hash', path),
  };
}

function readCheckpoint(value: unknown, index: number): Checkpoint {
  const path = `checkpoints[${index}]`;
  const checkpoint = readObject(value, path, checkpointFields);
  return {
    treeSize: readCount(checkpoint, 'treeSize', path),
    rootHash: readHash(checkpoint, 'rootHash', path),
    time: readString(checkpoint, 'time', path),
    keyId: readString(checkpoint, 'keyId', path),
    signature: readString(checkpoint, 'signature', path),
  };
}

// Unknown fields are refused: nothing signed covers them, so they could say anything.
function readObject(value: unknown, path: string, fields: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail(path, 'must be an object');
  const unexpected = Object.keys(value).find((key) => !fields.includes(key));
  if (unexpected !== undefined) fail(path, `has an unexpected field "${unexpected}"`);
  const missing = fields.find((key) => !(key in value));
  if (missing !== undefined) fail(join(path, missing), 'is missing');
  return value as Fields;
}

function readArray(fields: Fields, key: string): unknown[] {
  const value = fields[key];
  if (!Array.isArray(value)) fail(key, 'must be an array');
  return value as unknown[];
}

function readString(fields: Fields, key: string, path: string): string {
  const value = fields[key];
  if (typeof value !== 'string') fail(join(path, key), 'must be a string');
  return value;
}

function readCount(fields: Fields, key: string, path: string): number {
  const value = fields[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(join(path, key), 'must be a whole number');
  }
  return value;
}

function readHash(fields: Fields, key: string, path: string): string {
  const value = readString(fields, key, path);
  if (!/^[0-9a-f]{64}$/.test(value)) fail(join(path, key), 'must be 64 lowercase hex characters');
  return value;
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function fail(path: string, detail: string): never {
  const subject = path === '' ? 'it' : `"${path}"`;
  throw new Error(`Cannot read the record bundle: ${subject} ${detail}`);
}

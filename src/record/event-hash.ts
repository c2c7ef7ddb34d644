import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import { leafHash } from './merkle-hash.js';

/** One change in the register, chained to the one before it by `prevHash`. */
export interface RecordEvent {
  /** 1 for the first event, then one more for each. */
  seq: number;
  /** ISO 8601 UTC, e.g. `2025-01-31T09:30:00.000Z`. */
  time: string;
  actor: string;
  type: string;
  payload: unknown;
  /** The previous event's `hash`, or {@link genesisHash} for the first event. */
  prevHash: string;
  /** SHA-256 hex of the other fields, from {@link hashEvent}. */
  hash: string;
}

/** What a caller supplies for a new event; the chain supplies the rest. */
export type EventDraft = Pick<RecordEvent, 'time' | 'actor' | 'type' | 'payload'>;

/** The `prevHash` of the first event: 64 zeros. */
export const genesisHash = '0'.repeat(64);

/** SHA-256 hex over the canonical JSON of the event's fields other than `hash`. */
export function hashEvent(event: Omit<RecordEvent, 'hash'>): string {
  // Fields are picked by name so that stray properties on the object cannot change the hash.
  const { seq, time, actor, type, payload, prevHash } = event;
  const text = canonicalJson({ seq, time, actor, type, payload, prevHash });
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The event that follows `previous` (or starts the log), numbered, linked and hashed. */
export function chainEvent(previous: RecordEvent | undefined, draft: EventDraft): RecordEvent {
  // The event keeps a canonical copy, so it holds exactly what was hashed and the caller's
  // later changes to their payload object cannot break the chain.
  const payload: unknown = JSON.parse(canonicalJson(draft.payload));
  const unhashed = {
    seq: previous === undefined ? 1 : previous.seq + 1,
    time: draft.time,
    actor: draft.actor,
    type: draft.type,
    payload,
    prevHash: previous === undefined ? genesisHash : previous.hash,
  };
  return { ...unhashed, hash: hashEvent(unhashed) };
}

/** The event's Merkle leaf hash: the RFC 9162 leaf hash of its canonical JSON, `hash` included. */
export function eventLeafHash(event: RecordEvent): string {
  const { seq, time, actor, type, payload, prevHash, hash } = event;
  const text = canonicalJson({ seq, time, actor, type, payload, prevHash, hash });
  return leafHash(Buffer.from(text, 'utf8'));
}

/**
 * The hash and the leaf hash of an event whose payload is given as its canonical JSON, which is
 * written into the event's text rather than serialised again: a 20,000-page document's event is
 * 60 MB of JSON, and each pass over it held the event loop for a second or more.
 */
export function hashEventText(
  fields: Omit<RecordEvent, 'hash' | 'payload'>,
  payloadText: string,
): { hash: string; leafHash: string } {
  const { seq, time, actor, type, prevHash } = fields;
  const hash = createHash('sha256')
    .update(withPayload({ seq, time, actor, type, prevHash }, payloadText), 'utf8')
    .digest('hex');
  const leafText = withPayload({ seq, time, actor, type, prevHash, hash }, payloadText);
  return { hash, leafHash: leafHash(Buffer.from(leafText, 'utf8')) };
}

/** Canonical JSON of the fields with `payload` added, its value given as canonical JSON. */
function withPayload(fields: object, payloadText: string): string {
  const text = canonicalJson({ ...fields, payload: 0 });
  // A string value cannot hold `"payload":0` unescaped, so this is the top-level key.
  const at = text.indexOf('"payload":0') + '"payload":'.length;
  return text.slice(0, at) + payloadText + text.slice(at + 1);
}

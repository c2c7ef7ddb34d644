import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { chainEvent, eventLeafHash, genesisHash, hashEvent, hashEventText } from './event-hash.js';
import { leafHash } from './merkle-hash.js';

const draft = {
  time: '2025-01-31T09:30:00.000Z',
  actor: 'editor@example.org',
  type: 'document.added',
  payload: { title: 'Minutes', pages: 3 },
};

describe('hashEvent()', () => {
  it('is the SHA-256 hex of the canonical JSON of the fields other than hash', () => {
    const event = { seq: 1, ...draft, prevHash: genesisHash };
    const expected = createHash('sha256')
      .update(
        `{"actor":"editor@example.org","payload":{"pages":3,"title":"Minutes"},"prevHash":"${genesisHash}",` +
          '"seq":1,"time":"2025-01-31T09:30:00.000Z","type":"document.added"}',
      )
      .digest('hex');
    expect(hashEvent(event)).toBe(expected);
  });

  it('ignores the hash field and any stray properties, but not a change to any hashed field', () => {
    const event = { seq: 1, ...draft, prevHash: genesisHash };
    const base = hashEvent(event);
    expect(hashEvent({ ...event, hash: 'x', extra: 1 } as typeof event)).toBe(base);
    for (const change of [
      { seq: 2 },
      { time: '2025-01-31T09:30:01.000Z' },
      { actor: 'b' },
      { type: 't' },
      { payload: {} },
      { prevHash: '1'.repeat(64) },
    ]) {
      expect(hashEvent({ ...event, ...change })).not.toBe(base);
    }
  });
});

describe('chainEvent()', () => {
  it('starts the log at seq 1 from the genesis hash of 64 zeros', () => {
    const first = chainEvent(undefined, draft);
    expect(genesisHash).toBe('0'.repeat(64));
    expect(first).toEqual({
      seq: 1,
      ...draft,
      prevHash: genesisHash,
      hash: hashEvent({ seq: 1, ...draft, prevHash: genesisHash }),
    });
  });

  it('numbers and links each event to the one before', () => {
    const first = chainEvent(undefined, draft);
    const second = chainEvent(first, { ...draft, type: 'document.removed' });
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    expect(second.hash).toBe(hashEvent(second));
    expect(second.hash).not.toBe(first.hash);
  });

  it('keeps its own copy of the payload, so later changes to the caller object cannot break the hash', () => {
    const payload = { title: 'Minutes', list: [1, 2] };
    const event = chainEvent(undefined, { ...draft, payload });
    payload.list.push(3);
    expect(event.payload).toEqual({ list: [1, 2], title: 'Minutes' });
    expect(hashEvent(event)).toBe(event.hash);
  });

  it('refuses a payload that is not JSON, naming where', () => {
    expect(() => chainEvent(undefined, { ...draft, payload: { when: undefined } })).toThrow(
      'Cannot canonicalise "when": undefined is not JSON',
    );
  });
});

describe('eventLeafHash()', () => {
  it('is the RFC 9162 leaf hash of the canonical JSON of the whole event, hash included', () => {
    const event = chainEvent(undefined, draft);
    expect(eventLeafHash(event)).toBe(leafHash(Buffer.from(canonicalJson(event), 'utf8')));
    expect(eventLeafHash(event)).toBe(
      createHash('sha256')
        .update(Buffer.from([0]))
        .update(canonicalJson(event))
        .digest('hex'),
    );
    expect(eventLeafHash({ ...event, hash: 'f'.repeat(64) })).not.toBe(eventLeafHash(event));
  });
});

describe('hashEventText()', () => {
  it('gives the hash and leaf hash of the event whose payload it is given as canonical JSON', () => {
    // Payload text that looks like the placeholder, and replacement patterns, change nothing.
    const payload = { note: '"payload":0 $& $1', actor: 'x', nested: { payload: 0 } };
    const fields = { seq: 7, time: draft.time, actor: '"payload":0', type: draft.type };
    const unhashed = { ...fields, payload, prevHash: 'a'.repeat(64) };
    const hash = hashEvent(unhashed);
    expect(hashEventText({ ...fields, prevHash: 'a'.repeat(64) }, canonicalJson(payload))).toEqual({
      hash,
      leafHash: eventLeafHash({ ...unhashed, hash }),
    });
  });
});

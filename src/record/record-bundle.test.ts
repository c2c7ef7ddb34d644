import { describe, expect, it } from 'vitest';
import { createSigningKey } from './checkpoint.js';
import { parseBundle } from './parse-bundle.js';
import { createBundle, verifyBundle } from './record-bundle.js';
import { createSampleRecord } from './test-support/sample-record.js';

const key = createSigningKey();
const record = createSampleRecord(30, [10, 30], key);
const bundle = createBundle(record, '2025-04-01T08:00:00.000Z');
const json = JSON.stringify(bundle, null, 2);

function edited(change: (bundle: Record<string, unknown>) => void): string {
  const copy = JSON.parse(json) as Record<string, unknown>;
  change(copy);
  return JSON.stringify(copy);
}

// JSON.stringify drops fields set to undefined, which removes them.
function withField(list: 'events' | 'checkpoints', index: number, fields: object): string {
  return edited((b) => {
    const items = b[list] as object[];
    items[index] = { ...items[index], ...fields };
  });
}

describe('createBundle()', () => {
  it('labels the format and version and keeps only the signed fields', () => {
    const [first, ...rest] = record.events;
    if (first === undefined) throw new Error('The sample has no events');
    const withExtra = { ...record, events: [{ ...first, note: 'unsigned' }, ...rest] };
    const packed = createBundle(withExtra, '2025-04-01T08:00:00.000Z');
    expect(packed).toMatchObject({
      format: 'simwatch-record-bundle',
      version: 1,
      exportedAt: '2025-04-01T08:00:00.000Z',
    });
    expect(packed.events[0]).toEqual(first);
    expect(packed.events[0]).not.toHaveProperty('note');
  });
});

describe('parseBundle()', () => {
  it('reads back a bundle written as JSON, which then verifies', () => {
    const parsed = parseBundle(json);
    expect(parsed).toEqual(bundle);
    expect(verifyBundle(parsed)).toMatchObject({ ok: true, events: 30, checkpoints: 2 });
  });

  it.each<[string, string]>([
    ['{', 'Cannot read the record bundle: it is not JSON'],
    ['[]', 'Cannot read the record bundle: it must be an object'],
    [edited((b) => (b.format = 'other')), '"format" must be "simwatch-record-bundle"'],
    [edited((b) => (b.version = 2)), '"version" is 2; only version 1 can be read'],
    [edited((b) => delete b.publicKeyPem), '"publicKeyPem" is missing'],
    [edited((b) => (b.events = {})), '"events" must be an array'],
    [edited((b) => (b.extra = true)), 'it has an unexpected field "extra"'],
    [edited((b) => ((b.events as unknown[])[2] = 'event')), '"events[2]" must be an object'],
    [withField('events', 3, { note: 1 }), '"events[3]" has an unexpected field "note"'],
    [withField('events', 4, { payload: undefined }), '"events[4].payload" is missing'],
    [withField('events', 0, { seq: 1.5 }), '"events[0].seq" must be a whole number'],
    [
      withField('events', 1, { hash: 'ABC' }),
      '"events[1].hash" must be 64 lowercase hex characters',
    ],
    [withField('events', 1, { actor: null }), '"events[1].actor" must be a string'],
    [
      withField('checkpoints', 1, { treeSize: -1 }),
      '"checkpoints[1].treeSize" must be a whole number',
    ],
    [withField('checkpoints', 0, { signature: 5 }), '"checkpoints[0].signature" must be a string'],
  ])('refuses a malformed bundle, saying what is wrong (%#)', (text, message) => {
    expect(() => parseBundle(text)).toThrow(message);
  });
});

describe('verifyBundle()', () => {
  it('names the event whose payload was edited in the exported JSON', () => {
    const tampered = json.replace('"title": "Document 12"', '"title": "Document twelve"');
    expect(tampered).not.toBe(json);
    expect(verifyBundle(parseBundle(tampered))).toEqual({
      ok: false,
      problem: 'Event 12 has been altered: its hash does not match its contents',
      seq: 12,
    });
  });

  it('refuses a self-consistent bundle made with another key when the trusted key is given', () => {
    const impostor = createSigningKey();
    const forged = createBundle(
      createSampleRecord(30, [10, 30], impostor),
      '2025-04-01T08:00:00.000Z',
    );
    expect(verifyBundle(forged)).toMatchObject({ ok: true });
    expect(verifyBundle(forged, { keyId: key.keyId })).toEqual({
      ok: false,
      problem: `The bundle is signed by key ${impostor.keyId}, not the trusted key ${key.keyId}`,
    });
    expect(verifyBundle(bundle, { keyId: key.keyId })).toMatchObject({ ok: true });
  });
});

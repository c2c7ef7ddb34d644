import { describe, expect, it } from 'vitest';
import { createSigningKey, signCheckpoint } from './checkpoint.js';
import { eventLeafHash, hashEvent, type RecordEvent } from './event-hash.js';
import { merkleRoot } from './merkle-tree.js';
import { createSampleRecord, rechainFrom, rewriteEvent } from './test-support/sample-record.js';
import { verifyRecord } from './verify-record.js';

const key = createSigningKey();
const otherKey = createSigningKey();
const record = createSampleRecord(50, [20, 40, 50], key);
const { events, checkpoints } = record;

function alterPayload(event: RecordEvent): RecordEvent {
  return { ...event, payload: { title: 'Something else' } };
}

describe('verifyRecord()', () => {
  it('passes a valid log of 50 events with 3 checkpoints and gives the root of all events', () => {
    expect(verifyRecord(record)).toEqual({
      ok: true,
      events: 50,
      checkpoints: 3,
      rootHash: merkleRoot(events.map(eventLeafHash)),
    });
  });

  it('passes an empty log with no checkpoint', () => {
    expect(verifyRecord({ ...record, events: [], checkpoints: [] })).toMatchObject({
      ok: true,
      events: 0,
    });
  });

  it('fails a log whose last events no signed checkpoint covers, naming them', () => {
    expect(verifyRecord({ ...record, checkpoints: checkpoints.slice(0, 2) })).toEqual({
      ok: false,
      problem:
        'Events 41 to 50 are not covered by a signed checkpoint (the last signed checkpoint covers 40 events): they may have been rewritten without the signing key, or the checkpoints covering them deleted',
      seq: 41,
      uncovered: true,
    });
    expect(
      verifyRecord({
        ...record,
        events: events.slice(0, 41),
        checkpoints: checkpoints.slice(0, 2),
      }),
    ).toMatchObject({
      problem: expect.stringMatching(/^Event 41 is not covered by a signed checkpoint/) as unknown,
      seq: 41,
    });
  });

  it('catches history rewritten and re-hashed whose later checkpoints were deleted', () => {
    const rewritten = rechainFrom(rewriteEvent(events, 25, alterPayload), 25);
    expect(
      verifyRecord({ ...record, events: rewritten, checkpoints: checkpoints.slice(0, 1) }),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(
        /^Events 21 to 50 are not covered by a signed checkpoint/,
      ) as unknown,
      seq: 21,
    });
    expect(verifyRecord({ ...record, events: rewritten, checkpoints: [] })).toEqual({
      ok: false,
      problem:
        'Events 1 to 50 are not covered by a signed checkpoint (the record has no signed checkpoint at all): they may have been rewritten without the signing key, or the checkpoints covering them deleted',
      seq: 1,
      uncovered: true,
    });
  });

  it('names an event whose payload was altered', () => {
    expect(verifyRecord({ ...record, events: rewriteEvent(events, 17, alterPayload) })).toEqual({
      ok: false,
      problem: 'Event 17 has been altered: its hash does not match its contents',
      seq: 17,
    });
  });

  it('names a deleted event as missing', () => {
    const deleted = events.filter((event) => event.seq !== 17);
    expect(verifyRecord({ ...record, events: deleted })).toEqual({
      ok: false,
      problem: 'Event 17 is missing: event 16 is followed by event 18',
      seq: 17,
    });
    expect(verifyRecord({ ...record, events: events.slice(1) })).toMatchObject({
      problem: 'Event 1 is missing: the log starts at event 2',
      seq: 1,
    });
  });

  it('names the first of two swapped events as out of place', () => {
    const swapped = [...events.slice(0, 16), events[17], events[16], ...events.slice(18)];
    expect(verifyRecord({ ...record, events: swapped as RecordEvent[] })).toEqual({
      ok: false,
      problem: 'Event 18 is out of place: it comes before event 17',
      seq: 18,
    });
  });

  it('names an event that appears twice', () => {
    const repeated = [...events.slice(0, 5), events[4], ...events.slice(5)] as RecordEvent[];
    expect(verifyRecord({ ...record, events: repeated })).toMatchObject({
      problem: 'Event 5 appears twice: again after event 5',
      seq: 5,
    });
  });

  it('names an event whose prevHash was changed', () => {
    const changed = rewriteEvent(events, 17, (event) => ({ ...event, prevHash: 'f'.repeat(64) }));
    expect(verifyRecord({ ...record, events: changed })).toEqual({
      ok: false,
      problem:
        'The chain is broken at event 17: its prevHash does not match the hash of event 16, so one of them has been altered',
      seq: 17,
    });
  });

  it('names the next event when an altered event was re-hashed', () => {
    const rehashed = rewriteEvent(events, 17, (event) => {
      const altered = alterPayload(event);
      return { ...altered, hash: hashEvent(altered) };
    });
    expect(verifyRecord({ ...record, events: rehashed })).toMatchObject({
      problem: expect.stringMatching(/^The chain is broken at event 18: /) as unknown,
      seq: 18,
    });
  });

  it('requires the first event to start from the genesis hash', () => {
    const moved = rechainFrom(
      rewriteEvent(events, 1, (event) => ({ ...event, prevHash: 'a'.repeat(64) })),
      2,
    );
    expect(verifyRecord({ ...record, events: moved })).toMatchObject({
      problem: 'Event 1 does not start the chain: its prevHash is not the genesis hash',
      seq: 1,
    });
  });

  it('catches history rewritten with a consistent chain at the first checkpoint covering it', () => {
    const rewritten = rechainFrom(rewriteEvent(events, 25, alterPayload), 25);
    expect(verifyRecord({ ...record, events: rewritten })).toEqual({
      ok: false,
      problem:
        'Checkpoint 2 (40 events) does not match the log: an event from 21 to 40 has changed since it was signed',
      seq: 21,
    });
  });

  it('reports the tail truncated after a checkpoint', () => {
    expect(verifyRecord({ ...record, events: events.slice(0, 45) })).toEqual({
      ok: false,
      problem: 'The log has been truncated: checkpoint 3 covers 50 events but only 45 remain',
      seq: 46,
    });
  });

  it('cannot notice truncation back to a checkpoint on its own, so auditors keep the latest', () => {
    expect(
      verifyRecord({
        ...record,
        events: events.slice(0, 40),
        checkpoints: checkpoints.slice(0, 2),
      }),
    ).toMatchObject({
      ok: true,
    });
  });

  it('rejects a checkpoint forged with another key, whichever key id it claims', () => {
    const original = checkpoints[1];
    if (original === undefined) throw new Error('The sample has no checkpoint 2');
    const forged = signCheckpoint(original, otherKey.privateKeyPem);
    expect(
      verifyRecord({
        ...record,
        checkpoints: [checkpoints[0], forged, checkpoints[2]] as typeof checkpoints,
      }),
    ).toEqual({
      ok: false,
      problem: `Checkpoint 2 was signed by another key: it names key ${otherKey.keyId} but the record's key is ${key.keyId}`,
    });
    const disguised = { ...forged, keyId: key.keyId };
    expect(
      verifyRecord({ ...record, checkpoints: [checkpoints[0], disguised] as typeof checkpoints }),
    ).toEqual({
      ok: false,
      problem: 'Checkpoint 2 has an invalid signature: it was changed or forged after signing',
    });
  });

  it('rejects a checkpoint whose root was changed without re-signing', () => {
    const changed = checkpoints.map((checkpoint, index) =>
      index === 2
        ? { ...checkpoint, rootHash: merkleRoot(events.slice(0, 49).map(eventLeafHash)) }
        : checkpoint,
    );
    expect(verifyRecord({ ...record, checkpoints: changed })).toMatchObject({
      problem: 'Checkpoint 3 has an invalid signature: it was changed or forged after signing',
    });
  });

  it('rejects checkpoints out of order', () => {
    expect(verifyRecord({ ...record, checkpoints: [...checkpoints].reverse() })).toMatchObject({
      problem: 'Checkpoint 2 is out of order: it covers 40 events but checkpoint 1 covers 50',
    });
  });

  it('says so when a checkpoint has the same size as the one before but another root', () => {
    const wrongRoot = merkleRoot(events.slice(0, 39).map(eventLeafHash));
    const resigned = signCheckpoint(
      { treeSize: 40, rootHash: wrongRoot, time: '2025-03-01T00:00:00.000Z' },
      key.privateKeyPem,
    );
    expect(
      verifyRecord({ ...record, checkpoints: [...checkpoints.slice(0, 2), resigned] }),
    ).toEqual({
      ok: false,
      problem:
        'Checkpoint 3 (40 events) does not match the log: the events it covers are unchanged, so its root is wrong',
    });
  });

  it('says so when a checkpoint has no valid tree size', () => {
    const broken = checkpoints.map((checkpoint, index) =>
      index === 0 ? { ...checkpoint, treeSize: -3 } : checkpoint,
    );
    expect(verifyRecord({ ...record, checkpoints: broken })).toEqual({
      ok: false,
      problem: 'Checkpoint 1 has no valid tree size',
    });
  });

  it('says so when the public key is not usable', () => {
    expect(verifyRecord({ ...record, publicKeyPem: 'not a key' })).toEqual({
      ok: false,
      problem: 'The record cannot be checked: its public key is not an Ed25519 key',
    });
  });
});

describe('verifyRecord() against witnessed checkpoints', () => {
  const witness = { checkpoints, source: '"saved.csv"' };
  const [first, second, third] = checkpoints;
  if (!first || !second || !third) throw new Error('The sample has three checkpoints');

  it('passes a record that bears out every witnessed checkpoint, counting them', () => {
    expect(verifyRecord(record, { witness })).toMatchObject({ ok: true, witnessed: 3 });
    // A witness may hold checkpoints the register no longer keeps, and keep fewer than it.
    const extra = createSampleRecord(50, [30], key).checkpoints;
    expect(
      verifyRecord(record, { witness: { checkpoints: [...extra, second], source: 'x' } }),
    ).toMatchObject({ ok: true, witnessed: 2 });
  });

  it('names the first witnessed checkpoint a rewritten and re-hashed record no longer matches', () => {
    const rewritten = rechainFrom(rewriteEvent(events, 25, alterPayload), 25);
    expect(
      verifyRecord({ ...record, events: rewritten, checkpoints: [first] }, { witness }),
    ).toEqual({
      ok: false,
      problem: `Checkpoint 2 of "saved.csv" (40 events, signed ${second.time}) does not match the record: an event from 21 to 40 has been rewritten since it was signed`,
      seq: 21,
    });
  });

  it('catches a record cut back to an earlier checkpoint', () => {
    expect(
      verifyRecord(
        { ...record, events: events.slice(0, 40), checkpoints: [first, second] },
        { witness },
      ),
    ).toEqual({
      ok: false,
      problem: `The record is shorter than Checkpoint 3 of "saved.csv" (50 events, signed ${third.time}): it holds 40 events, so events 41 to 50 have been removed`,
      seq: 41,
    });
  });

  it('refuses witnessed checkpoints signed by another key or altered after signing', () => {
    const forged = signCheckpoint(second, otherKey.privateKeyPem);
    expect(
      verifyRecord(record, { witness: { checkpoints: [first, forged], source: 'w' } }),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(
        /^Checkpoint 2 of w \(40 events, .*\) was not signed by this register's key: it names key /,
      ) as unknown,
    });
    const altered = { ...second, treeSize: 39 };
    expect(
      verifyRecord(record, { witness: { checkpoints: [altered], source: 'w' } }),
    ).toMatchObject({
      ok: false,
      problem: expect.stringMatching(
        /^Checkpoint 1 of w \(39 events, .*\) has an invalid signature/,
      ) as unknown,
    });
  });
});

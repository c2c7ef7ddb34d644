import { genesisHash, hashEvent, type RecordEvent } from './event-hash.js';

/** What is wrong with a record, in a sentence, and the event it concerns when there is one. */
export interface RecordProblem {
  problem: string;
  seq?: number;
}

/** The first gap, repeat or reordering in the events' numbers 1..n, if any. */
export function findNumberingProblem(events: readonly RecordEvent[]): RecordProblem | undefined {
  for (const [index, { seq }] of events.entries()) {
    const expected = index + 1;
    if (seq === expected) continue;
    const after = index === 0 ? 'at the start of the log' : `after event ${index}`;
    if (!Number.isSafeInteger(seq) || seq < 1) {
      return { problem: `The event ${after} has no valid sequence number`, seq: expected };
    }
    // Every earlier place held its own number, so a smaller number here has been seen before.
    if (seq < expected) return { problem: `Event ${seq} appears twice: again ${after}`, seq };
    if (events.some((event) => event.seq === expected)) {
      return { problem: `Event ${seq} is out of place: it comes before event ${expected}`, seq };
    }
    const found =
      index === 0 ? `the log starts at event ${seq}` : `event ${index} is followed by event ${seq}`;
    return { problem: `Event ${expected} is missing: ${found}`, seq: expected };
  }
  return undefined;
}

/** The first event that does not link to the one before it or whose hash does not match it. */
export function findChainProblem(events: readonly RecordEvent[]): RecordProblem | undefined {
  let previous: RecordEvent | undefined;
  for (const event of events) {
    const { seq } = event;
    if (previous === undefined && event.prevHash !== genesisHash) {
      return {
        problem: `Event ${seq} does not start the chain: its prevHash is not the genesis hash`,
        seq,
      };
    }
    if (previous !== undefined && event.prevHash !== previous.hash) {
      const detail = `its prevHash does not match the hash of event ${previous.seq}`;
      return {
        problem: `The chain is broken at event ${seq}: ${detail}, so one of them has been altered`,
        seq,
      };
    }
    if (event.hash !== findEventHash(event)) {
      return {
        problem: `Event ${seq} has been altered: its hash does not match its contents`,
        seq,
      };
    }
    previous = event;
  }
  return undefined;
}

// An event whose contents are not JSON cannot have been hashed honestly, so it counts as altered.
function findEventHash(event: RecordEvent): string | undefined {
  try {
    return hashEvent(event);
  } catch {
    return undefined;
  }
}

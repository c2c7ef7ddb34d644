import type { RecordEvent } from './event-hash.js';
import type { RecordProblem } from './record-problem.js';

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

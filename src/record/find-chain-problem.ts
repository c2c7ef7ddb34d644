import { genesisHash, hashEvent, type RecordEvent } from './event-hash.js';
import type { RecordProblem } from './record-problem.js';

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

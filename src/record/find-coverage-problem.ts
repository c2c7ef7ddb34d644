import type { Checkpoint } from './checkpoint.js';
import type { RecordProblem } from './record-problem.js';

/**
 * The events after the last signed checkpoint, if any. Anyone who can write to the database can
 * rewrite events, recompute the chain and delete the checkpoints that no longer match; only the
 * key can sign the result, so a head that no checkpoint covers is not vouched for.
 */
export function findCoverageProblem(
  eventCount: number,
  checkpoints: readonly Checkpoint[],
): RecordProblem | undefined {
  const covered = checkpoints.at(-1)?.treeSize ?? 0;
  if (covered >= eventCount) return undefined;
  const first = covered + 1;
  const events =
    first === eventCount ? `Event ${first} is` : `Events ${first} to ${eventCount} are`;
  const last =
    checkpoints.length === 0
      ? 'the record has no signed checkpoint at all'
      : `the last signed checkpoint covers ${covered} ${covered === 1 ? 'event' : 'events'}`;
  return {
    problem:
      `${events} not covered by a signed checkpoint (${last}): they may have been rewritten ` +
      'without the signing key, or the checkpoints covering them deleted',
    seq: first,
    uncovered: true,
  };
}

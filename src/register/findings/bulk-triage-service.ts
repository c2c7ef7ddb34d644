import { SimwatchError } from '../../errors.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { RegisterEvent } from '../register-event.js';
import { checkText } from '../validate-input.js';
import { decisionRefusal, findingStatus, type FindingStatus } from './finding-status.js';
import { getReviewer } from './get-reviewer.js';
import { findHeldBackFindings, heldBackMessage } from './held-back-findings.js';
import { listDecisions } from './list-decisions.js';

/** The most findings one bulk action takes (a queue page with every group selected is far fewer). */
export const maxBulkFindings = 500;

/**
 * Records one reviewer's decision, with one reason, on several findings at once: all of them or
 * none. Each finding still follows the two-reviewer rule; if any of them cannot take the decision
 * (the reviewer has already made it, or there is no such finding), nothing is recorded and the
 * error names every such finding. Returns each finding's status afterwards, by id.
 */
export async function decideFindings(
  deps: RegisterDeps,
  input: {
    findingIds: readonly number[];
    reviewer: string;
    decision: 'confirm' | 'reject';
    reason?: string | null;
  },
): Promise<Map<number, FindingStatus>> {
  const findingIds = checkFindingIds(input.findingIds);
  const named = checkText(input.reviewer, 'the reviewer', 'reviewer');
  const reason =
    input.decision === 'reject'
      ? checkText(input.reason, 'the reason for rejecting them', 'reason')
      : input.reason?.trim() || null;
  const reviewer = await getReviewer(deps.database.db, named);
  return recordChange(deps, reviewer, async (trx, time) => {
    await getReviewer(trx, reviewer);
    await checkFindingsExist(trx, findingIds);
    const heldBack =
      input.decision === 'confirm' ? await findHeldBackFindings(trx, findingIds) : [];
    if (heldBack.length > 0)
      throw new SimwatchError('conflict', `${heldBackMessage(heldBack)}. Nothing was recorded`, {
        field: 'findingIds',
      });
    const next = { reviewer, decision: input.decision };
    const statuses = new Map<number, FindingStatus>();
    const refusals: string[] = [];
    for (const findingId of findingIds) {
      const earlier = await listDecisions(trx, findingId);
      const refusal = decisionRefusal(earlier, next);
      if (refusal) refusals.push(`finding ${findingId} (${refusal})`);
      statuses.set(findingId, findingStatus([...earlier, next]));
    }
    if (refusals.length > 0)
      throw new SimwatchError(
        'conflict',
        `Cannot ${input.decision} these ${findingIds.length} findings: ${refusals.join('; ')}. Nothing was recorded`,
        { field: 'findingIds' },
      );
    const firstId = await nextId(trx, 'decisions');
    const events: RegisterEvent[] = findingIds.map((findingId, index) => ({
      type: 'finding.decided',
      payload: {
        decision: {
          id: firstId + index,
          findingId,
          reviewer,
          decision: input.decision,
          reason,
          decidedAt: time,
        },
      },
    }));
    return { events, result: statuses };
  });
}

/**
 * Assigns findings to a reviewer (an enabled account that may review), or with `assignee` null
 * takes their assignment away; recorded as one `findings.assigned` event naming who did it.
 * All of them or none: an unknown finding refuses the whole action, naming it.
 */
export async function assignFindings(
  deps: RegisterDeps,
  input: { findingIds: readonly number[]; assignee: string | null; assignedBy: string },
): Promise<void> {
  const findingIds = checkFindingIds(input.findingIds);
  const assignedBy = await getReviewer(
    deps.database.db,
    checkText(input.assignedBy, 'who is assigning them', 'assignedBy'),
    { action: 'assign findings as', field: 'assignedBy' },
  );
  const wanted =
    input.assignee === null ? null : checkText(input.assignee, 'the reviewer', 'assignee');
  const check = (db: typeof deps.database.db, name: string) =>
    getReviewer(db, name, { action: 'assign findings to', field: 'assignee' });
  const assignee = wanted === null ? null : await check(deps.database.db, wanted);
  await recordChange(deps, assignedBy, async (trx, time) => {
    if (assignee !== null) await check(trx, assignee);
    await checkFindingsExist(trx, findingIds);
    return {
      events: [
        {
          type: 'findings.assigned',
          payload: { assignment: { findingIds, assignee, assignedBy, assignedAt: time } },
        },
      ],
      result: undefined,
    };
  });
}

/** The ids of a bulk action, each once, in order; at least one and at most `maxBulkFindings`. */
function checkFindingIds(ids: readonly number[]): number[] {
  const unique = [...new Set(ids)].sort((a, b) => a - b);
  if (unique.length === 0)
    throw new SimwatchError('invalid_input', 'Cannot act on findings: none was chosen', {
      field: 'findingIds',
    });
  if (unique.length > maxBulkFindings)
    throw new SimwatchError(
      'invalid_input',
      `Cannot act on ${unique.length} findings at once: the most is ${maxBulkFindings}`,
      { field: 'findingIds' },
    );
  const bad = unique.find((id) => !Number.isSafeInteger(id) || id < 1);
  if (bad !== undefined)
    throw new SimwatchError(
      'invalid_input',
      `Cannot act on finding "${bad}": it is not a finding id`,
      {
        field: 'findingIds',
      },
    );
  return unique;
}

async function checkFindingsExist(
  trx: RegisterDeps['database']['db'],
  findingIds: readonly number[],
): Promise<void> {
  const rows = await trx
    .selectFrom('findings')
    .select('id')
    .where('id', 'in', findingIds)
    .execute();
  const known = new Set(rows.map((row) => row.id));
  const missing = findingIds.filter((id) => !known.has(id));
  if (missing.length > 0)
    throw new SimwatchError(
      'not_found',
      `Cannot find ${missing.length === 1 ? 'finding' : 'findings'} ${missing.join(', ')}. Nothing was recorded`,
      { field: 'findingIds' },
    );
}

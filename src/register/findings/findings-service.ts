import { SimwatchError } from '../../errors.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import { checkText } from '../validate-input.js';
import { findHeldBackFindings, heldBackMessage } from './held-back-findings.js';
import { decisionRefusal, findingStatus, type FindingStatus } from './finding-status.js';
import { getReviewer } from './get-reviewer.js';
import { listDecisions } from './list-decisions.js';

/**
 * Records a reviewer's decision on a finding. The reviewer must be an enabled account allowed to
 * review (see `getReviewer`); the decision is recorded under its user name. A rejection needs a
 * reason; the same reviewer cannot confirm (or reject) twice in a row. Returns the finding's
 * status afterwards.
 */
export async function decideFinding(
  deps: RegisterDeps,
  input: {
    findingId: number;
    reviewer: string;
    decision: 'confirm' | 'reject';
    reason?: string | null;
  },
): Promise<FindingStatus> {
  const named = checkText(input.reviewer, 'the reviewer', 'reviewer');
  const reason =
    input.decision === 'reject'
      ? checkText(input.reason, 'the reason for rejecting it', 'reason')
      : input.reason?.trim() || null;
  const reviewer = await getReviewer(deps.database.db, named);
  return recordChange(deps, reviewer, async (trx, time) => {
    // Checked again under the record's lock: the account may have changed in the meantime.
    await getReviewer(trx, reviewer);
    const finding = await trx
      .selectFrom('findings')
      .select('id')
      .where('id', '=', input.findingId)
      .executeTakeFirst();
    if (!finding)
      throw new SimwatchError('not_found', `Cannot find finding ${input.findingId}`, {
        field: 'findingId',
      });
    const heldBack =
      input.decision === 'confirm' ? await findHeldBackFindings(trx, [input.findingId]) : [];
    if (heldBack.length > 0) throw new SimwatchError('conflict', heldBackMessage(heldBack));
    const earlier = await listDecisions(trx, input.findingId);
    const next = { reviewer, decision: input.decision };
    const refusal = decisionRefusal(earlier, next);
    if (refusal)
      throw new SimwatchError(
        'conflict',
        `Cannot record this decision on finding ${input.findingId}: ${refusal}`,
      );
    const id = await nextId(trx, 'decisions');
    return {
      events: [
        {
          type: 'finding.decided',
          payload: {
            decision: {
              id,
              findingId: input.findingId,
              reviewer,
              decision: input.decision,
              reason,
              decidedAt: time,
            },
          },
        },
      ],
      result: findingStatus([...earlier, next]),
    };
  });
}

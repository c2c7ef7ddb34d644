import { performance } from 'node:perf_hooks';

import { decideFinding } from '../register/findings/findings-service.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { features } from '../register/status/index.js';

/** How many findings were confirmed, and how long the decisions took. */
export interface ConfirmMeasure {
  confirmed: number;
  decisions: number;
  seconds: number;
}

/**
 * Confirms `count` findings of the features of concern, spread evenly over the register, each by
 * two reviewers through `decideFinding` (one recorded event per decision), so that they become
 * evidence for `status`.
 */
export async function confirmBenchFindings(
  deps: RegisterDeps,
  count: number,
): Promise<ConfirmMeasure> {
  const rows = await deps.database.db
    .selectFrom('findings')
    .select('id')
    .where('label', 'in', [...features])
    .orderBy('id')
    .execute();
  const step = Math.max(1, rows.length / count);
  const chosen: number[] = [];
  for (let at = 0; at < rows.length && chosen.length < count; at += step) {
    const row = rows[Math.floor(at)];
    if (row) chosen.push(row.id);
  }
  const started = performance.now();
  for (const findingId of chosen) {
    for (const reviewer of ['bench-reviewer-a', 'bench-reviewer-b'])
      await decideFinding(deps, { findingId, reviewer, decision: 'confirm' });
  }
  const seconds = (performance.now() - started) / 1000;
  return { confirmed: chosen.length, decisions: chosen.length * 2, seconds };
}

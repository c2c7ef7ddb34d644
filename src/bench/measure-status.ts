import type { Kysely } from 'kysely';
import { performance } from 'node:perf_hooks';

import { loadOrganisationFacts } from '../register/load-organisation-facts.js';
import { deriveStatus } from '../register/status/index.js';
import type { DatabaseSchema } from '../store/schema.js';

/** Timings of `status` over all organisations, in milliseconds. */
export interface StatusMeasure {
  organisations: number;
  /** Confirmed evidence read, counted once per organisation it belongs to. */
  evidence: number;
  runsMs: number[];
  medianMs: number;
  worstMs: number;
}

/**
 * Times what `simwatch status` does for all organisations: reads their facts (one set of queries)
 * and derives each status. One warm-up run is not counted.
 */
export async function measureStatus(
  db: Kysely<DatabaseSchema>,
  options: { runs: number } = { runs: 5 },
): Promise<StatusMeasure> {
  const once = async () => {
    const started = performance.now();
    const facts = await loadOrganisationFacts(db);
    const statuses = facts.map((fact) => deriveStatus(fact));
    const ms = performance.now() - started;
    const evidence = facts.reduce((sum, fact) => sum + fact.evidence.length, 0);
    return { ms, organisations: statuses.length, evidence };
  };
  const warmUp = await once();
  const runsMs: number[] = [];
  for (let run = 0; run < options.runs; run++) runsMs.push((await once()).ms);
  const sorted = [...runsMs].sort((a, b) => a - b);
  return {
    organisations: warmUp.organisations,
    evidence: warmUp.evidence,
    runsMs,
    medianMs: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    worstMs: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

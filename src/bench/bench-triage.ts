// `npm run bench:triage`: how many decisions reviewers need for a 100-page board pack. The target
// (issue 14): at most one decision per distinct passage and label, for each reviewer.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createAppDeps } from '../app/create-app-deps.js';
import { loadConfig } from '../config/load-config.js';
import { importOrganisations } from '../register/organisations/organisations-service.js';
import { measureTriageDecisions } from './measure-triage-decisions.js';

const seed = 20_261_214;
const pages = 100;

/** Builds a fresh SQLite register, ingests the pack, prints the figures; returns the exit status. */
async function runBench(log: (line: string) => void = console.log): Promise<number> {
  const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-bench-triage-'));
  const deps = await createAppDeps(loadConfig({ SIMWATCH_DATA_DIR: dataDir }));
  try {
    await importOrganisations(
      deps,
      [
        {
          code: 'ZZT1',
          name: 'Northmoor Mental Health NHS Trust',
          kind: 'mental_health_trust',
          region: 'North',
          formerNames: [],
          sourceUrl: null,
        },
      ],
      'bench',
    );
    const measure = await measureTriageDecisions(deps, { seed, pages, organisationCode: 'ZZT1' });
    log(
      `simwatch triage benchmark: a generated ${measure.pages}-page board pack (PDF, seed ${seed})`,
    );
    log(`  findings:                                  ${measure.findings}`);
    log(`  distinct passages:                         ${measure.passages}`);
    log(`  distinct (passage, label) pairs:           ${measure.passageLabels}`);
    log(
      `  decisions each reviewer records:           ${measure.decisionsPerReviewer} (one per finding, two reviewers: ${2 * measure.decisionsPerReviewer} in all)`,
    );
    log(
      `  bulk actions each reviewer needs, grouped: ${measure.actionsPerReviewer} (one per passage when its labels take the same decision)`,
    );
    const pass = measure.decisionsPerReviewer <= measure.passageLabels;
    log('');
    log(
      `${pass ? 'PASS' : 'FAIL'}  at most one decision per distinct passage and label, per reviewer: ` +
        `${measure.decisionsPerReviewer} decisions for ${measure.passageLabels} pairs`,
    );
    return pass ? 0 : 1;
  } finally {
    await deps.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

process.exitCode = await runBench();

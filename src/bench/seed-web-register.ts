import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

import { createAppDeps } from '../app/create-app-deps.js';
import { loadConfig } from '../config/load-config.js';
import { importOrganisations } from '../register/organisations/organisations-service.js';
import { createBenchOrganisations } from './bench-organisations.js';
import { confirmBenchFindings } from './confirm-bench-findings.js';
import { measureRegisterIngest } from './measure-register-ingest.js';
import { createRegisterBenchDocument } from './register-bench-corpus.js';

/** The seeded register the web benchmark serves. */
export interface WebSeedSpec {
  seed: number;
  organisations: number;
  documents: number;
  confirmedFindings: number;
}

/**
 * Makes (or reuses, when an earlier run made the same one) a SQLite register in `dataDir` with
 * the benchmark's fictional organisations and generated documents ingested the normal way
 * (extracted, screened, recorded), some findings confirmed by two reviewers, and a checkpoint.
 */
export async function seedWebRegister(
  dataDir: string,
  spec: WebSeedSpec,
  log: (line: string) => void,
): Promise<void> {
  const marker = join(dataDir, 'bench-seed.json');
  const wanted = JSON.stringify(spec);
  if (existsSync(marker) && (await readFile(marker, 'utf8')) === wanted) {
    log(`Reusing the seeded register in ${dataDir} (delete it to seed again)`);
    return;
  }
  await rm(dataDir, { recursive: true, force: true });
  const config = loadConfig({ SIMWATCH_DATA_DIR: dataDir });
  const deps = await createAppDeps(config);
  try {
    const started = performance.now();
    const organisations = createBenchOrganisations(spec.organisations);
    await importOrganisations(deps, organisations, 'bench');
    const codes = organisations.map((organisation) => organisation.code);
    const ingest = await measureRegisterIngest(
      deps,
      (index) =>
        createRegisterBenchDocument(
          { seed: spec.seed, kind: 'board_paper', organisationCodes: codes },
          index,
        ),
      { count: spec.documents },
    );
    const confirmed = await confirmBenchFindings(deps, spec.confirmedFindings);
    await writeFile(marker, wanted);
    log(
      `Seeded ${codes.length} organisations, ${ingest.documents} documents (${ingest.findings} findings, ` +
        `${confirmed.confirmed} confirmed by two reviewers) in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    );
  } finally {
    await deps.close();
  }
}

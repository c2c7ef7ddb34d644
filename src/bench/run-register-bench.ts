import { performance } from 'node:perf_hooks';

import { createAppDeps } from '../app/create-app-deps.js';
import type { Config } from '../config/load-config.js';
import { importOrganisations } from '../register/organisations/organisations-service.js';
import { createBenchOrganisations } from './bench-organisations.js';
import { confirmBenchFindings } from './confirm-bench-findings.js';
import { measureRegisterIngest } from './measure-register-ingest.js';
import { measureStatus, type StatusMeasure } from './measure-status.js';
import { createRegisterBenchDocument, type RegisterBenchKind } from './register-bench-corpus.js';

/** The shape of one database's run. */
export interface RegisterBenchSpec {
  seed: number;
  documents: number;
  /** Findings in the register before `status` is timed. */
  totalFindings: number;
  confirmedFindings: number;
  statusRuns: number;
}

/**
 * Runs the register benchmark on the database `config` names (which must be empty): imports the
 * organisations, times ingesting the documents, ingests dense documents until the register holds
 * `totalFindings`, confirms some, then times `status`. Prints a line per step prefixed `name:`.
 */
export async function runRegisterBench(
  config: Config,
  options: { name: string; spec: RegisterBenchSpec; log: (line: string) => void },
): Promise<StatusMeasure> {
  const { name, spec, log } = options;
  const deps = await createAppDeps(config);
  try {
    const organisations = createBenchOrganisations();
    await importOrganisations(deps, organisations, 'bench');
    const codes = organisations.map((organisation) => organisation.code);
    const documentAt = (kind: RegisterBenchKind) => (index: number) =>
      createRegisterBenchDocument({ seed: spec.seed, kind, organisationCodes: codes }, index);

    const started = performance.now();
    // Loading the catalogue and compiling its patterns happen once per process, not per document.
    deps.engine().screenText(new TextDecoder().decode(documentAt('dense')(0).bytes));
    log(
      `${name}: ${codes.length} organisations imported; screening engine ready in ${seconds(started)} (not counted)`,
    );

    const ingest = await measureRegisterIngest(deps, documentAt('board_paper'), {
      count: spec.documents,
    });
    log(
      `${name}: ingested ${ingest.documents} documents in ${ingest.seconds.toFixed(1)} s = ` +
        `${(ingest.documents / ingest.seconds).toFixed(1)} documents/s, ${ingest.findings} findings`,
    );

    const more = await measureRegisterIngest(deps, documentAt('dense'), {
      // A cap, in case a changed catalogue finds far fewer: the line below shows the total reached.
      count: Math.ceil(spec.totalFindings / 20),
      until: (findings) => ingest.findings + findings >= spec.totalFindings,
    });
    log(
      `${name}: raised the register to ${ingest.findings + more.findings} findings by ingesting ` +
        `${more.documents} documents dense in feature sentences with ingestDocument, in ` +
        `${more.seconds.toFixed(1)} s = ${(more.documents / more.seconds).toFixed(1)} documents/s, ` +
        `${(more.findings / more.seconds).toFixed(0)} findings/s`,
    );

    const confirmed = await confirmBenchFindings(deps, spec.confirmedFindings);
    log(
      `${name}: confirmed ${confirmed.confirmed} findings by two reviewers with decideFinding ` +
        `(${confirmed.decisions} decisions) in ${confirmed.seconds.toFixed(1)} s = ` +
        `${(confirmed.decisions / confirmed.seconds).toFixed(0)} decisions/s`,
    );

    const status = await measureStatus(deps.database.db, { runs: spec.statusRuns });
    log(
      `${name}: status over all ${status.organisations} organisations (${status.evidence} pieces of ` +
        `confirmed evidence): median ${status.medianMs.toFixed(1)} ms, worst ${status.worstMs.toFixed(1)} ms ` +
        `(${spec.statusRuns} runs after one warm-up: ${status.runsMs.map((ms) => ms.toFixed(1)).join(', ')})`,
    );
    return status;
  } finally {
    await deps.close();
  }
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

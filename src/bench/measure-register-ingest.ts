import { performance } from 'node:perf_hooks';

import { ingestDocument } from '../register/documents/ingest-document.js';
import type { RegisterDeps } from '../register/register-deps.js';
import type { RegisterBenchDocument } from './register-bench-corpus.js';

/** How long ingesting a run of documents took, and what it added. */
export interface IngestMeasure {
  documents: number;
  seconds: number;
  findings: number;
}

/**
 * Ingests documents one after another with `ingestDocument`, as the CLI does, timing the whole
 * run (extraction, screening, storing the original and the transaction). Documents are made one
 * at a time by `documentAt`, so memory stays flat; `until` can stop the run early.
 */
export async function measureRegisterIngest(
  deps: RegisterDeps,
  documentAt: (index: number) => RegisterBenchDocument,
  options: { count: number; until?: (findings: number) => boolean },
): Promise<IngestMeasure> {
  let seconds = 0;
  let findings = 0;
  let documents = 0;
  while (documents < options.count && options.until?.(findings) !== true) {
    const document = documentAt(documents);
    const started = performance.now();
    const result = await ingestDocument(deps, {
      bytes: document.bytes,
      fileName: document.fileName,
      organisationCodes: document.organisationCodes,
      docType: 'board_paper',
      documentDate: document.documentDate,
      obtained: 'generated for the benchmark',
      actor: 'bench',
    });
    seconds += (performance.now() - started) / 1000;
    if (result.duplicate)
      throw new Error(`Cannot benchmark: "${document.fileName}" repeats an earlier document`);
    findings += result.findings;
    documents += 1;
  }
  return { documents, seconds, findings };
}

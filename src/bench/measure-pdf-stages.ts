import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { extractDocument } from '../extract/extract-document.js';
import { createArchiveBudget, defaultExtractionLimits } from '../extract/extraction-limits.js';
import { createScreeningEngine } from '../screening/screening-engine.js';

/** Seconds spent extracting and screening the PDFs on one thread, to show which stage limits. */
export interface PdfStagesMeasure {
  pages: number;
  extractSeconds: number;
  screenSeconds: number;
}

/** Extracts then screens each PDF in this thread, timing the two stages apart (after a warm-up). */
export async function measurePdfStages(
  files: readonly string[],
  warmUpPdf: Uint8Array,
): Promise<PdfStagesMeasure> {
  const limits = defaultExtractionLimits;
  const context = (name: string) => ({
    name,
    depth: 0,
    limits,
    budget: createArchiveBudget(limits),
  });
  const engine = createScreeningEngine();
  engine.screenPages((await extractDocument(warmUpPdf, context('warm-up.pdf'))).pages);
  let pages = 0;
  let extractSeconds = 0;
  let screenSeconds = 0;
  for (const file of files) {
    const bytes = await readFile(file);
    let started = performance.now();
    const document = await extractDocument(bytes, context(file));
    extractSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    engine.screenPages(document.pages);
    screenSeconds += (performance.now() - started) / 1000;
    pages += document.pages.length;
  }
  return { pages, extractSeconds, screenSeconds };
}

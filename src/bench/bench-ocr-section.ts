import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { measureCliScreening } from './measure-cli-screening.js';
import { measureOcr } from './measure-ocr.js';
import { describeOcrTestPages, makeOcrTestPages } from './ocr-test-pages.js';
import { createOcrEngine } from '../ocr/create-ocr-engine.js';
import { makeScannedPdf } from '../ocr/scanned-pages/make-scanned-page.js';

/** Generated pages read one at a time by the default engine (every font and size comes round). */
const accuracyPages = 6;
/** The folder screened as a user would: scanned replies of two pages each. */
const scannedPdfs = 4;
const pagesPerPdf = 2;
/** A sentence of concern set on the first page of each scanned PDF: OCR must read it to find it. */
const planted =
  'Serenity Integrated Mentoring (SIM) was adopted by the Trust in 2019 and the SIM team now ' +
  'includes a police officer embedded in the community mental health team.';

/**
 * `npm run bench`'s OCR section: the default engine's character accuracy and speed on generated
 * scanned pages (one worker, one page at a time), then `simwatch screen` on a folder of scanned
 * PDFs with one worker and with `jobs`, start-up included, the OCR cache off. Returns the accuracy.
 */
export async function runOcrBenchSection(
  log: (line: string) => void,
  options: { folder: string; jobs: number; title: string },
): Promise<{ accuracy: number }> {
  log(options.title);
  const pages = await makeOcrTestPages(accuracyPages, { dpi: 300 });
  const warmUp = (await makeOcrTestPages(1, { dpi: 300, seed: 99 }))[0];
  const engine = createOcrEngine('auto');
  const measure = await measureOcr(engine, pages, { warmUp }).finally(() => engine.close());
  log(
    `    ${measure.engine}, one worker, ${measure.pages} generated scanned pages at 300 dpi ` +
      `(${measure.chars} characters, 5 fonts, 10-12 pt, skew -2..2°): character accuracy ` +
      `${percent(measure.accuracy)} (worst page ${percent(measure.worstPageAccuracy)}), ` +
      `${(measure.pages / measure.seconds).toFixed(2)} pages/s, mean confidence ` +
      `${measure.meanConfidence.toFixed(0)}; first page, starting the engine: ${measure.firstPageSeconds.toFixed(1)} s`,
  );
  for (const failure of measure.failures) log(`    failed: ${failure}`);

  const folder = join(options.folder, 'ocr-scans');
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  const texts = describeOcrTestPages(scannedPdfs * pagesPerPdf, { seed: 17 }).map(
    (page) => page.text,
  );
  for (let index = 0; index < scannedPdfs; index++) {
    const own = texts.slice(index * pagesPerPdf, (index + 1) * pagesPerPdf);
    own[0] = `${own[0] ?? ''}\n\n${planted}`;
    await writeFile(join(folder, `scanned-reply-${index + 1}.pdf`), await makeScannedPdf(own));
  }
  const total = scannedPdfs * pagesPerPdf;
  for (const jobs of [...new Set([1, options.jobs])]) {
    const cli = await measureCliScreening(folder, {
      args: ['--jobs', String(jobs)],
      env: { SIMWATCH_OCR_CACHE: 'off' },
    });
    log(
      `    simwatch screen --jobs ${jobs} on ${cli.documents} scanned PDFs (${total} pages, no text layer; ` +
        `a new process, start-up included, OCR cache off): ${cli.seconds.toFixed(1)} s, ` +
        `${(total / cli.seconds).toFixed(2)} pages/s, ${cli.findings} findings (from a sentence planted in each PDF)`,
    );
  }
  return { accuracy: measure.accuracy };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}

// `npm run bench:ocr`: both OCR engines on the same generated scanned pages, side by side.
import { availableParallelism, loadavg } from 'node:os';

import { formatOcrMeasure, ocrMeasureHeader } from './format-ocr-measure.js';
import { measureOcr, type OcrMeasure } from './measure-ocr.js';
import { makeOcrTestPages } from './ocr-test-pages.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import { createTesseractCliEngine, tesseractCliAvailable } from '../ocr/tesseract-cli-engine.js';
import { createTesseractJsEngine } from '../ocr/tesseract-js-engine.js';

/** Pages per resolution: every font (5) and size (3) comes round, with different skew and speckle. */
const pagesPerRun = 6;
const resolutions = [300, 200];

/** Measures every engine at every resolution, prints the table; returns the exit status. */
async function runOcrBench(log: (line: string) => void = console.log): Promise<number> {
  log(
    `simwatch OCR benchmark: ${pagesPerRun} generated scanned A4 pages per resolution (board-paper ` +
      `prose, fonts Times, Helvetica, Courier, Times bold, Helvetica oblique, 10-12 pt, skew -2..2°, ` +
      `speckle 0.1-0.5%), one page at a time, ${availableParallelism()} CPUs, Node ${process.version}, ` +
      `load average ${(loadavg()[0] ?? 0).toFixed(1)}`,
  );
  const engines: { label: string; create: () => OcrEngine }[] = [
    { label: 'tesseract.js', create: createTesseractJsEngine },
  ];
  if (tesseractCliAvailable())
    engines.push(
      { label: 'tesseract CLI, psm 3', create: () => createTesseractCliEngine() },
      { label: 'tesseract CLI, psm 6', create: () => createTesseractCliEngine({ psm: 6 }) },
    );
  else log('tesseract CLI: skipped, the "tesseract" command with English data is not installed');
  const measures: OcrMeasure[] = [];
  log('');
  log(ocrMeasureHeader());
  for (const dpi of resolutions) {
    const pages = await makeOcrTestPages(pagesPerRun, { dpi });
    const warmUp = (await makeOcrTestPages(1, { dpi, seed: 99 }))[0];
    for (const { label, create } of engines) {
      const engine = create();
      try {
        const measure = await measureOcr(engine, pages, { warmUp });
        measures.push(measure);
        log(formatOcrMeasure(label, dpi, measure));
        for (const failure of measure.failures) log(`    ${failure}`);
      } finally {
        await engine.close();
      }
    }
  }
  log('');
  log(
    `load average at the end (1, 5, 15 min): ${loadavg()
      .map((load) => load.toFixed(1))
      .join(', ')}`,
  );
  log(
    'accuracy: 1 - edit distance / characters set, whitespace normalised, over all pages; ' +
      'pages/s: one engine reading one page at a time after a warm-up page (first page: its start-up included)',
  );
  return measures.some((measure) => measure.failures.length > 0) ? 1 : 0;
}

process.exitCode = await runOcrBench();

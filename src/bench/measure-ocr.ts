import { performance } from 'node:perf_hooks';

import { characterAccuracy } from './character-accuracy.js';
import type { OcrTestPage } from './ocr-test-pages.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';

/** One engine's reading of a set of pages, one page at a time. */
export interface OcrMeasure {
  engine: string;
  pages: number;
  /** Characters of expected text (whitespace normalised away is still counted once per run). */
  chars: number;
  /** Character accuracy over all pages: 1 - total edit distance / total expected characters. */
  accuracy: number;
  /** The lowest page's accuracy. */
  worstPageAccuracy: number;
  meanConfidence: number;
  /** Seconds reading the pages, not counting the engine's start (the first page is a warm-up). */
  seconds: number;
  /** Seconds for the engine's first page, start-up included. */
  firstPageSeconds: number;
  failures: string[];
}

/**
 * Reads every page with the engine, one at a time, and scores it against the text that was set.
 * A warm-up page (the first) is read before the clock starts, and timed on its own.
 */
export async function measureOcr(
  engine: OcrEngine,
  pages: readonly OcrTestPage[],
  options: { timeoutMs?: number; warmUp?: OcrTestPage } = {},
): Promise<OcrMeasure> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const warmUp = options.warmUp ?? pages[0];
  const warmStart = performance.now();
  if (warmUp) await engine.recognise(warmUp.png, { timeoutMs }).catch(() => undefined);
  const firstPageSeconds = (performance.now() - warmStart) / 1000;
  let errors = 0;
  let chars = 0;
  let confidence = 0;
  let worst = 1;
  const failures: string[] = [];
  const started = performance.now();
  for (const [index, page] of pages.entries()) {
    const expected = page.text.replace(/\s+/g, ' ').trim();
    chars += expected.length;
    try {
      const result = await engine.recognise(page.png, { timeoutMs });
      const accuracy = characterAccuracy(page.text, result.text);
      errors += (1 - accuracy) * expected.length;
      worst = Math.min(worst, accuracy);
      confidence += result.confidence;
    } catch (error) {
      errors += expected.length;
      worst = 0;
      failures.push(`page ${index + 1}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    engine: engine.name,
    pages: pages.length,
    chars,
    accuracy: chars === 0 ? 1 : 1 - errors / chars,
    worstPageAccuracy: worst,
    meanConfidence: pages.length === 0 ? 0 : confidence / pages.length,
    seconds: (performance.now() - started) / 1000,
    firstPageSeconds,
    failures,
  };
}

import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';

import { createScreeningEngine, type ScreeningEngine } from '../screening/screening-engine.js';

/** Text screening throughput on this thread, pass by pass, with start-up and warm-up timed apart. */
export interface TextScreeningMeasure {
  /** Each pass over the corpus, in order. */
  passes: TextScreeningPass[];
  engineStartSeconds: number;
  /** Screening the warm-up text, in chunks as the corpus is (see `measureTextScreening`). */
  warmUpSeconds: number;
  warmUpBytes: number;
}

export interface TextScreeningPass {
  bytes: number;
  seconds: number;
  findings: number;
  /** True when the time limit stopped the pass before every file was screened. */
  stoppedEarly: boolean;
}

/**
 * Screens the text files in this thread with `engine.screenText`, `passes` times over, timing
 * only the screening. Files are screened in chunks of about 64 KB (cut between paragraphs, the
 * size of a long report), so a slow engine is stopped close to the time limit of each pass.
 *
 * The warm-up text (other text than the corpus) is screened first, untimed: the first screening
 * compiles the patterns' regular expressions, and V8 then takes a few megabytes of text to
 * optimise the engine's code, screening slower until it has. The figure is the engine's speed
 * once warm, as in a worker or server that screens many documents.
 */
export async function measureTextScreening(
  files: readonly string[],
  options: { maxSeconds: number; warmUpText: string; passes: number },
): Promise<TextScreeningMeasure> {
  let started = performance.now();
  const engine = createScreeningEngine();
  const engineStartSeconds = (performance.now() - started) / 1000;
  started = performance.now();
  for (const chunk of splitIntoChunks(options.warmUpText)) engine.screenText(chunk);
  const warmUpSeconds = (performance.now() - started) / 1000;
  const passes: TextScreeningPass[] = [];
  for (let pass = 0; pass < options.passes; pass += 1)
    passes.push(await screenFiles(engine, files, options.maxSeconds));
  return {
    passes,
    engineStartSeconds,
    warmUpSeconds,
    warmUpBytes: Buffer.byteLength(options.warmUpText),
  };
}

async function screenFiles(
  engine: ScreeningEngine,
  files: readonly string[],
  maxSeconds: number,
): Promise<TextScreeningPass> {
  let bytes = 0;
  let seconds = 0;
  let findings = 0;
  for (const file of files) {
    for (const chunk of splitIntoChunks(await readFile(file, 'utf8'))) {
      if (seconds > maxSeconds) return { bytes, seconds, findings, stoppedEarly: true };
      const start = performance.now();
      findings += engine.screenText(chunk).findings.length;
      seconds += (performance.now() - start) / 1000;
      bytes += Buffer.byteLength(chunk);
    }
  }
  return { bytes, seconds, findings, stoppedEarly: false };
}

const chunkChars = 64 * 1024;

function splitIntoChunks(text: string): string[] {
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    const cut = text.indexOf('\n\n', start + chunkChars);
    const end = cut === -1 ? text.length : cut + 2;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}

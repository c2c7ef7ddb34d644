// `npm run bench:trace`: how reliably a leaked excerpt of a marked copy is traced to its recipient
// (issue 15), over a synthetic 3,000-word policy, 100 and 500 recipients and excerpt lengths from
// 10 words up, copied exactly, pasted into an email, or retyped loosely.
import { performance } from 'node:perf_hooks';

import {
  leakExcerpt,
  markedBody,
  type CopyingStyle,
} from '../coproduction/marking/leaked-excerpts.js';
import { markCopy } from '../coproduction/marking/mark-copy.js';
import { traceExcerpt, type TraceCandidate } from '../coproduction/marking/trace-excerpt.js';
import { readMarkableText } from '../coproduction/marking/variation-points.js';
import { createSeededRandom } from '../seeded-random.js';
import { samplePolicyText } from './sample-policy-text.js';

const recipientCounts = [100, 500];
const styles: readonly CopyingStyle[] = ['exact', 'pasted', 'retyped'];
const lengths = [10, 25, 50, 100, 150, 200, 300, 500, 750, 1000, 1500, 2000, 3000];
const trials = Number(process.env.BENCH_TRACE_TRIALS ?? 100);
const seed = 20_261_207;

interface Cell {
  readonly correct: number;
  readonly wrongConfident: number;
  readonly undecided: number;
  readonly milliseconds: number;
}

function runCell(
  candidates: readonly TraceCandidate[],
  bodies: readonly string[],
  style: CopyingStyle,
  words: number,
): Cell {
  const random = createSeededRandom(seed + words);
  let correct = 0;
  let wrongConfident = 0;
  let undecided = 0;
  const started = performance.now();
  for (let trial = 0; trial < trials; trial++) {
    const leaker = random.between(0, candidates.length - 1);
    const excerpt = leakExcerpt(bodies[leaker] ?? '', words, style, random.between(0, 2 ** 31));
    const { best } = traceExcerpt(excerpt, candidates);
    if (best === null) undecided += 1;
    else if (best.id === candidates[leaker]?.id) correct += 1;
    else wrongConfident += 1;
  }
  return {
    correct,
    wrongConfident,
    undecided,
    milliseconds: (performance.now() - started) / trials,
  };
}

function percent(count: number): string {
  return `${((100 * count) / trials).toFixed(1).padStart(5)}%`;
}

/** Runs every cell and prints the table and the shortest reliable length per setting. */
function runBench(log: (line: string) => void = console.log): void {
  const wordCount = samplePolicyText.split(/\s+/).filter(Boolean).length;
  const points = readMarkableText(samplePolicyText).points;
  const wording = points.filter((point) => point.kind === 'wording').length;
  log(
    `simwatch trace benchmark: a ${wordCount}-word policy in Markdown with ${points.length} ` +
      `variation points (${wording} wording, ${points.length - wording} spacing); ` +
      `${trials} random excerpts per line; a recipient is named at confidence >= 0.99`,
  );
  for (const count of recipientCounts) {
    const candidates: TraceCandidate[] = Array.from({ length: count }, (_, index) => ({
      id: index + 1,
      label: `Recipient ${index + 1}`,
      content: samplePolicyText,
      seed: `bench-seed-${seed}-${index + 1}`,
    }));
    const bodies = candidates.map((candidate) => {
      const recipient = { label: candidate.label, seed: candidate.seed, date: '7 December 2026' };
      return markedBody(markCopy(candidate.content, recipient), recipient);
    });
    for (const style of styles) {
      log('');
      log(`${count} recipients, excerpts copied ${style}:`);
      log('   words   correct   wrong (confident)   undecided   ms per trace');
      const reliable: number[] = [];
      for (const words of lengths) {
        const cell = runCell(candidates, bodies, style, words);
        if (cell.correct >= 0.99 * trials && cell.wrongConfident === 0) reliable.push(words);
        else reliable.length = 0;
        log(
          `   ${String(words).padStart(5)}   ${percent(cell.correct)}   ${percent(cell.wrongConfident)}` +
            `              ${percent(cell.undecided)}   ${cell.milliseconds.toFixed(1).padStart(8)}`,
        );
      }
      const shortest = reliable[0];
      log(
        shortest === undefined
          ? `   no tested length traces reliably (>= 99% correct and no confident wrong answer)`
          : `   shortest reliable excerpt: ${shortest} words (>= 99% correct and no confident wrong answer from there on)`,
      );
    }
  }
}

runBench();

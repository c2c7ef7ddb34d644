import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createScreeningEngine } from '../screening-engine.js';
import { evaluate, type Evaluation } from './evaluate.js';
import { formatEvaluation } from './format-evaluation.js';
import { readLabelledCorpus } from './labelled-corpus.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The corpora written blind to the catalogue (`corpus/blind*.jsonl`), scored for information only:
 * each was scored once before it was used for tuning, as an estimate for unseen text.
 */
function blindCorpora(): { title: string; path: string; check: () => [] }[] {
  return readdirSync(`${repositoryRoot}corpus`)
    .filter((name) => /^blind\d*\.jsonl$/.test(name))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => ({
      title: `Corpus written blind to the catalogue (corpus/${name})`,
      path: `${repositoryRoot}corpus/${name}`,
      check: () => [],
    }));
}

/** The corpora `npm run eval` scores, with the targets the project has set for each. */
const corpora = [
  {
    title: 'Own corpus (corpus/simwatch.jsonl)',
    path: `${repositoryRoot}corpus/simwatch.jsonl`,
    check: (e: Evaluation) => [
      target(
        'F1 at least 0.95 for every label',
        e.perLabel.every((score) => score.f1 >= 0.95),
      ),
    ],
  },
  ...blindCorpora(),
  {
    title: 'Shared development corpus (../shared/corpus/dev.jsonl)',
    path: `${repositoryRoot}../shared/corpus/dev.jsonl`,
    check: (e: Evaluation) => [
      target('macro-F1 at least 0.85', e.macroF1 >= 0.85),
      target('at most 5% of critique passages given a feature label', e.critique.share <= 0.05),
    ],
  },
];

function target(description: string, met: boolean): { description: string; met: boolean } {
  return { description, met };
}

/** Prints per-label precision, recall and F1 on each corpus; exits 1 if a target is missed. */
function runEvaluation(argv: readonly string[]): number {
  const showMistakes = argv.includes('--mistakes');
  const engine = createScreeningEngine();
  console.log(`Indicator catalogue version ${engine.catalogueVersion}\n`);
  let allMet = true;
  for (const corpus of corpora) {
    if (!existsSync(corpus.path)) {
      console.log(`${corpus.title}\n  not found at "${corpus.path}": skipped\n`);
      continue;
    }
    const evaluation = evaluate(
      readLabelledCorpus(corpus.path),
      (text) => engine.screenText(text).labels,
    );
    console.log(formatEvaluation(corpus.title, evaluation, showMistakes));
    for (const { description, met } of corpus.check(evaluation)) {
      console.log(`  ${met ? 'PASS' : 'FAIL'} ${description}`);
      allMet &&= met;
    }
    console.log('');
  }
  return allMet ? 0 : 1;
}

process.exitCode = runEvaluation(process.argv.slice(2));

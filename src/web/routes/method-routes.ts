import { existsSync, readdirSync } from 'node:fs';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { describeContradictionRules, describeStatusRules } from '../../register/status/index.js';
import { evaluate, type Evaluation } from '../../screening/evaluation/evaluate.js';
import {
  readLabelledCorpus,
  type LabelledPassage,
} from '../../screening/evaluation/labelled-corpus.js';
import { labels, type Label } from '../../screening/finding.js';
import { defaultThreshold } from '../../screening/score-finding.js';
import type { ScreeningEngine } from '../../screening/screening-engine.js';
import { labelNames } from '../workspace/label-names.js';
import type { RouteModule } from './route-modules.js';

/** How many examples of each kind the page shows for an indicator. */
const examplesShown = 3;

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** A labelled corpus the Method page reports on, and where its passages are. */
interface MethodCorpus {
  title: string;
  description: string;
  /** The JSON Lines files of the corpus; none found means it is not on this server. */
  paths: () => string[];
}

/** The corpora `npm run eval` scores, as the Method page groups them. */
const methodCorpora: readonly MethodCorpus[] = [
  {
    title: 'simwatch’s own corpus',
    description:
      'Passages written and labelled for simwatch (corpus/simwatch.jsonl). The catalogue was tuned on them, so these figures are the best case.',
    paths: () => existing([`${repositoryRoot}corpus/simwatch.jsonl`]),
  },
  {
    title: 'Passages written blind to the catalogue',
    description:
      'Passages written without looking at the catalogue (corpus/blind*.jsonl). Each set was scored once before it was used to improve the catalogue: the first scores are the honest estimate for unseen text; these are today’s.',
    paths: () => {
      const folder = `${repositoryRoot}corpus`;
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((name) => /^blind\d*\.jsonl$/.test(name))
        .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
        .map((name) => `${folder}/${name}`);
    },
  },
  {
    title: 'The project’s shared development corpus',
    description:
      'Passages labelled by the project, kept outside simwatch’s repository (../shared/corpus/dev.jsonl).',
    paths: () => existing([`${repositoryRoot}../shared/corpus/dev.jsonl`]),
  },
];

/** One corpus's scores, or why there are none. */
export type CorpusResult =
  | { title: string; description: string; state: 'scored'; evaluation: Evaluation }
  | { title: string; description: string; state: 'missing' | 'failed' };

interface EvaluationRun {
  promise: Promise<CorpusResult[]>;
  result?: CorpusResult[];
}

// One run per catalogue version for the whole process: every app built in it shares the result.
const runs = new Map<string, EvaluationRun>();

/**
 * The screening engine's scores on the labelled corpora, worked out once per catalogue version and
 * kept in memory. The work takes seconds, so it runs in short slices that let requests through,
 * and the page shows "being worked out" until it is done rather than keeping anyone waiting.
 */
export function methodEvaluation(engine: ScreeningEngine): EvaluationRun {
  const known = runs.get(engine.catalogueVersion);
  if (known) return known;
  const promise = scoreCorpora(engine);
  const run: EvaluationRun = { promise };
  promise.then(
    (results) => {
      run.result = results;
    },
    // scoreCorpus() reports each corpus's failure itself; nothing else is expected to fail.
    () => undefined,
  );
  runs.set(engine.catalogueVersion, run);
  return run;
}

async function scoreCorpora(engine: ScreeningEngine): Promise<CorpusResult[]> {
  const results: CorpusResult[] = [];
  for (const corpus of methodCorpora) results.push(await scoreCorpus(engine, corpus));
  return results;
}

async function scoreCorpus(engine: ScreeningEngine, corpus: MethodCorpus): Promise<CorpusResult> {
  const { title, description } = corpus;
  try {
    const paths = corpus.paths();
    if (paths.length === 0) return { title, description, state: 'missing' };
    const passages = paths.flatMap((path) => readLabelledCorpus(path));
    const predicted = await predictInSlices(engine, passages);
    return {
      title,
      description,
      state: 'scored',
      evaluation: evaluate(passages, (text) => predicted.get(text) ?? []),
    };
  } catch {
    return { title, description, state: 'failed' };
  }
}

/** Screens every passage, yielding to other work every 20 ms. */
async function predictInSlices(
  engine: ScreeningEngine,
  passages: readonly LabelledPassage[],
): Promise<Map<string, Label[]>> {
  const predicted = new Map<string, Label[]>();
  let sliceStart = performance.now();
  for (const passage of passages) {
    if (passage.uncertain || predicted.has(passage.text)) continue;
    predicted.set(passage.text, engine.screenText(passage.text).labels);
    if (performance.now() - sliceStart > 20) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return predicted;
}

/** How screening, review and statuses work, with the catalogue and how well screening does. */
export const methodRoutes: RouteModule = (app, { deps }) => {
  // A server starts the evaluation as soon as it listens; in tests (no listening) it waits.
  app.addHook('onListen', async () => {
    await nextTurn();
    try {
      methodEvaluation(deps.engine());
    } catch {
      // A catalogue that does not load fails the first screening loudly; the page says so too.
    }
  });

  app.get('/method', { config: { access: 'public' } }, (_request, reply) => {
    const engine = deps.engine();
    const run = methodEvaluation(engine);
    return reply.page('pages/method.njk', {
      title: 'How simwatch works',
      threshold: defaultThreshold,
      catalogueVersion: engine.catalogueVersion,
      indicatorCount: engine.catalogue.indicators.length,
      indicatorGroups: indicatorGroups(engine),
      critiqueNotes: [...new Set(engine.catalogue.critique.map((cue) => cue.note))].sort(),
      negationWords: engine.catalogue.negation.map((pattern) => pattern.source),
      evaluations: run.result?.map(evaluationView),
      statusRules: describeStatusRules().map(splitRule),
      contradictionRules: describeContradictionRules(),
    });
  });
};

function indicatorGroups(engine: ScreeningEngine) {
  return labels.map((label) => ({
    label,
    name: labelNames[label],
    indicators: engine.catalogue.indicators
      .filter((indicator) => indicator.label === label)
      .map((indicator) => ({
        id: indicator.id,
        reason: indicator.reason,
        strength: indicator.strength,
        matches: indicator.examples.match.slice(0, examplesShown),
        noMatches: indicator.examples.noMatch.slice(0, examplesShown),
      })),
  }));
}

function evaluationView(result: CorpusResult) {
  if (result.state !== 'scored') return result;
  const { evaluation } = result;
  return {
    ...result,
    scored: evaluation.scored,
    skippedUncertain: evaluation.skippedUncertain,
    macroF1: percent(evaluation.macroF1),
    critique: { ...evaluation.critique, share: percent(evaluation.critique.share) },
    rows: evaluation.perLabel.map((score) => ({
      name: labelNames[score.label],
      precision: percent(score.precision),
      recall: percent(score.recall),
      f1: percent(score.f1),
      truePositives: score.truePositives,
      falsePositives: score.falsePositives,
      falseNegatives: score.falseNegatives,
    })),
  };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

// describeStatusRules() gives "Label: rule"; the page shows the label as a term.
function splitRule(rule: string): { term: string; text: string } {
  const at = rule.indexOf(': ');
  if (at < 0) return { term: '', text: rule };
  const text = rule.slice(at + 2);
  return { term: rule.slice(0, at), text: text.charAt(0).toUpperCase() + text.slice(1) };
}

function existing(paths: string[]): string[] {
  return paths.filter((path) => existsSync(path));
}

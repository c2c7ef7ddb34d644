// `npm run eval`: how well screening does on real text, measured as a user would meet it.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadCatalogue } from '../load-catalogue.js';
import { loadModelFile } from '../model/model-file.js';
import { readExamples } from '../model/read-examples.js';
import type { HeldOutPrediction } from '../model/cross-validate.js';
import { evaluateTraining } from '../model/train-and-evaluate.js';
import { defaultThreshold } from '../score-finding.js';
import { createScreeningEngine } from '../screening-engine.js';
import { countFalseLeads, type FalseLeads } from './count-false-leads.js';
import { summariseEvaluation } from './evaluation-summary.js';
import { evaluationSummaryPath } from './read-evaluation-summary.js';
import { formatModelEvaluation } from './format-model-evaluation.js';
import { exampleOfPassage, readLabelledCorpus } from './labelled-corpus.js';
import { readOrdinaryDocuments } from './read-ordinary-documents.js';
import { scorePredictions } from './score-predictions.js';

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The real labelled corpus and the ordinary documents, kept beside the repository, not in it. */
const realCorpora = ['train.jsonl', 'dev.jsonl'].map(
  (name) => `${repositoryRoot}../shared/corpus/${name}`,
);
const ordinaryFolder = `${repositoryRoot}../shared/realdocs`;
const targets = { macroF1: 0.8, eachF1: 0.7, critiqueShare: 0.05, falseLeadsPer100k: 1 };

/** Runs the evaluation, prints it with a PASS or FAIL line per target, and returns the exit status. */
function runEvaluation(argv: readonly string[]): number {
  const log = (line = '') => {
    console.log(line);
  };
  const catalogue = loadCatalogue();
  const model = loadModelFile();
  const engine = createScreeningEngine({ catalogue, model });
  log(
    `Catalogue ${catalogue.version}; shipped model ${model.version} (trained ${model.createdAt})`,
  );
  log();
  const checks: { description: string; met: boolean }[] = [];
  const corpora = realCorpora.filter((path) => existsSync(path));
  let heldOut: { predictions: HeldOutPrediction[]; folds: number } | undefined;
  let falseLeads: FalseLeads | null = null;
  if (corpora.length === 0) {
    log(`The real corpus is not beside the repository (${realCorpora.join(', ')}): skipped.`);
  } else {
    const examples = corpora.flatMap((path) =>
      readLabelledCorpus(path).map((passage) => exampleOfPassage(passage, path)),
    );
    log(
      `Real corpus: ${examples.length} passages from ${corpora.map((path) => basename(path)).join(' and ')}`,
    );
    const { summary, predictions } = evaluateTraining(readExamples(examples, catalogue), {
      catalogue,
      threshold: defaultThreshold,
      train: { catalogueVersion: catalogue.version, createdAt: model.createdAt, corpora: [] },
      progress: (step) => process.stderr.write(`  ${step}\n`),
    });
    log(formatModelEvaluation(summary));
    heldOut = { predictions, folds: summary.folds };
    for (const [name, scores] of [
      ['with uncertain passages', summary.withUncertain],
      ['certain passages only', summary.certainOnly],
    ] as const) {
      checks.push(
        {
          description: `macro-F1 at least ${targets.macroF1} (${name}): ${scores.macroF1.toFixed(3)}`,
          met: scores.macroF1 >= targets.macroF1,
        },
        {
          description: `each evidence label's F1 at least ${targets.eachF1} (${name}): ${scores.perLabel
            .filter((score) => score.label !== 'assurance')
            .map((score) => score.f1.toFixed(2))
            .join(', ')}`,
          met: scores.perLabel.every(
            (score) => score.label === 'assurance' || score.f1 >= targets.eachF1,
          ),
        },
        {
          description: `at most ${targets.critiqueShare * 100}% of critique passages given an evidence label (${name}): ${(scores.critique.share * 100).toFixed(1)}%`,
          met: scores.critique.share <= targets.critiqueShare,
        },
      );
    }
    if (argv.includes('--mistakes'))
      for (const mistake of scorePredictions(predictions, { uncertain: true }).mistakes)
        log(
          `  mistake ${mistake.id}: expected [${mistake.expected.join(', ')}], reported [${mistake.reported.join(', ')}]`,
        );
  }
  log();
  if (existsSync(ordinaryFolder)) {
    const leads = countFalseLeads(readOrdinaryDocuments(ordinaryFolder), engine);
    falseLeads = leads;
    log(
      `False leads with the shipped model on ${leads.documents} ordinary documents ` +
        `(${leads.words.toLocaleString('en-GB')} words, no known practice): ${leads.findings} ` +
        `findings, ${leads.perHundredThousandWords.toFixed(2)} per 100,000 words`,
    );
    for (const lead of leads.examples)
      log(`  ${lead.label} ${lead.score.toFixed(2)} in ${lead.document}: "${lead.excerpt}"`);
    checks.push({
      description: `at most ${targets.falseLeadsPer100k} finding per 100,000 words of ordinary documents: ${leads.perHundredThousandWords.toFixed(2)}`,
      met: leads.perHundredThousandWords <= targets.falseLeadsPer100k,
    });
  } else log(`The ordinary documents are not beside the repository (${ordinaryFolder}): skipped.`);
  log();
  log('Synthetic corpora (written by the project about fictional trusts, in the catalogue’s own');
  log('phrasing; for checking the catalogue, never an estimate for real documents):');
  for (const name of readdirSync(`${repositoryRoot}corpus`)
    .filter((file) => file.endsWith('.jsonl'))
    .sort()) {
    const passages = readLabelledCorpus(`${repositoryRoot}corpus/${name}`);
    const predictions = passages.map((passage) => ({
      example: exampleOfPassage(passage, name),
      reported: engine.screenText(passage.text).labels,
      scores: {},
      probabilities: {},
      stance: null,
    }));
    const scores = scorePredictions(predictions, { uncertain: false });
    log(
      `  corpus/${name}: macro-F1 ${scores.macroF1.toFixed(3)}, critique passages flagged ${(scores.critique.share * 100).toFixed(1)}%`,
    );
  }
  if (heldOut) {
    const written = summariseEvaluation({
      ...heldOut,
      threshold: defaultThreshold,
      modelVersion: model.version,
      catalogueVersion: catalogue.version,
      evaluatedOn: new Date().toISOString().slice(0, 10),
      falseLeads,
    });
    // The public method page reads this file: figures only, no passage or file name.
    writeFileSync(evaluationSummaryPath, `${JSON.stringify(written, null, 2)}\n`);
    log(
      `Wrote the method page's summary: macro-F1 ${written.macroF1.value.toFixed(3)} (95% interval ${written.macroF1.low.toFixed(3)} to ${written.macroF1.high.toFixed(3)}, ${written.sources} sources)`,
    );
  }
  log();
  for (const { description, met } of checks) log(`${met ? 'PASS' : 'FAIL'}  ${description}`);
  return checks.every(({ met }) => met) ? 0 : 1;
}

process.exitCode = runEvaluation(process.argv.slice(2));

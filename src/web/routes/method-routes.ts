import { describeContradictionRules, describeStatusRules } from '../../register/status/index.js';
import { labels } from '../../screening/finding.js';
import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import { defaultThreshold } from '../../screening/score-finding.js';
import type { ScreeningEngine } from '../../screening/screening-engine.js';
import { labelNames } from '../workspace/label-names.js';
import type { RouteModule } from './route-modules.js';

/** How many examples of each kind the page shows for an indicator. */
const examplesShown = 3;

/**
 * The active model's own evaluation (grouped cross-validation on the real corpus, made when it
 * was trained) as the page shows it: each set of figures, or nothing when the model has none.
 */
function evaluationViews(engine: ScreeningEngine) {
  const evaluation = engine.model.evaluation as ModelEvaluation | null;
  if (!evaluation) return undefined;
  return [
    {
      title: 'Every labelled passage',
      description:
        'Passages the labelling guide does not settle are counted with the label the labeller gave them.',
      scores: evaluation.withUncertain,
    },
    {
      title: 'Passages with certain labels only',
      description: 'Passages the labellers marked as uncertain are left out.',
      scores: evaluation.certainOnly,
    },
  ].map(({ title, description, scores }) => ({
    title,
    description,
    state: 'scored',
    scored: scores.passages,
    macroF1: percent(scores.macroF1),
    critique: { ...scores.critique, share: percent(scores.critique.share) },
    rows: scores.perLabel.map((score) => ({
      name: labelNames[score.label],
      precision: percent(score.precision),
      recall: percent(score.recall),
      f1: percent(score.f1),
      truePositives: score.truePositives,
      falsePositives: score.falsePositives,
      falseNegatives: score.falseNegatives,
    })),
  }));
}

/** How screening, review and statuses work, with the catalogue and how well screening does. */
export const methodRoutes: RouteModule = (app, { deps }) => {
  app.get('/method', { config: { access: 'public' } }, (_request, reply) => {
    const engine = deps.engine();
    return reply.page('pages/method.njk', {
      title: 'How simwatch works',
      threshold: defaultThreshold,
      catalogueVersion: engine.catalogueVersion,
      indicatorCount: engine.catalogue.indicators.length,
      indicatorGroups: indicatorGroups(engine),
      critiqueNotes: [...new Set(engine.catalogue.critique.map((cue) => cue.note))].sort(),
      negationWords: engine.catalogue.negation.map((pattern) => pattern.source),
      modelVersion: engine.modelVersion,
      evaluations: evaluationViews(engine),
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

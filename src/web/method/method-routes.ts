import { describeContradictionRules, describeStatusRules } from '../../register/status/index.js';
import { readEvaluationSummary } from '../../screening/evaluation/read-evaluation-summary.js';
import { labels } from '../../screening/finding.js';
import { defaultThreshold } from '../../screening/score-finding.js';
import type { ScreeningEngine } from '../../screening/screening-engine.js';
import { describeCandidateRule } from './describe-candidate-rule.js';
import { modelEvaluationOf, modelEvaluationView } from '../render/model-evaluation-view.js';
import { labelNames } from '../render/label-names.js';
import { engineInUse } from '../workspace/model/engine-in-use.js';
import type { RouteModule } from '../route-module.js';

/** How many examples of each kind the page shows for an indicator. */
const examplesShown = 3;

/** How screening, review and statuses work, with the catalogue and how well screening does. */
export const methodRoutes: RouteModule = (app, { deps }) => {
  app.get('/method', { config: { access: 'public', pageCache: true } }, async (_request, reply) => {
    const { engine } = await engineInUse(deps);
    const evaluation = modelEvaluationOf(engine.model);
    const summary = readEvaluationSummary();
    return reply.page('pages/method.njk', {
      title: 'How simwatch works',
      threshold: defaultThreshold,
      catalogueVersion: engine.catalogueVersion,
      indicatorCount: engine.catalogue.indicators.length,
      indicatorGroups: indicatorGroups(engine),
      critiqueNotes: [...new Set(engine.catalogue.critique.map((cue) => cue.note))].sort(),
      model: {
        version: engine.modelVersion,
        createdAt: engine.model.createdAt,
        passages: engine.model.trainingData.passages,
        sources: engine.model.trainingData.sources,
        reviewedFindings: engine.model.trainingData.reviewedFindings,
      },
      summary: summary && {
        ...summary,
        stale: summary.modelVersion !== engine.modelVersion,
        perLabel: summary.perLabel.map((row) => ({ ...row, name: labelNames[row.label] })),
      },
      evaluation: evaluation && modelEvaluationView(evaluation, { id: 'method' }),
      statusRules: describeStatusRules().map(splitRule),
      contradictionRules: describeContradictionRules(),
    });
  });
};

function indicatorGroups(engine: ScreeningEngine) {
  const { catalogue } = engine;
  return labels.map((label) => ({
    label,
    name: labelNames[label],
    candidateRules: catalogue.candidates
      .filter((rule) => rule.label === label)
      .map((rule) => describeCandidateRule(rule, catalogue.frames)),
    indicators: catalogue.indicators
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

// describeStatusRules() gives "Label: rule"; the page shows the label as a term.
function splitRule(rule: string): { term: string; text: string } {
  const at = rule.indexOf(': ');
  if (at < 0) return { term: '', text: rule };
  const text = rule.slice(at + 2);
  return { term: rule.slice(0, at), text: text.charAt(0).toUpperCase() + text.slice(1) };
}

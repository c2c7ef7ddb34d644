import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { statusLabels } from '../../register/status/organisation-status.js';
import { describeContradictionRules } from '../../register/status/contradiction-rules.js';
import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { readEvaluationSummary } from '../../screening/evaluation/read-evaluation-summary.js';
import { formatPercent } from '../render/format-percent.js';
import { modelEvaluationOf } from '../render/model-evaluation-view.js';
import { escapeLikeNunjucks } from '../test-support/escape-like-nunjucks.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

/** The text of a page without its tags, spaces run together: what a person reads. */
function readableText(html: string): string {
  return html
    .replace(/<svg[\s\S]*?<\/svg>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');
}

for (const database of testDatabases()) {
  describe(`GET /method on ${database.name}`, () => {
    let web: TestWebApp;
    let html: string;
    let text: string;
    let evaluation: ModelEvaluation;

    beforeAll(async () => {
      web = await createTestWebApp({ database });
      const response = await web.client().get('/method');
      expect(response.statusCode).toBe(200);
      html = response.body;
      text = readableText(html);
      const known = modelEvaluationOf(web.deps.engine().model);
      if (!known) throw new Error('The shipped model should carry its evaluation');
      evaluation = known;
    }, 120_000);
    afterAll(() => web.cleanUp());

    it('shows every indicator of the catalogue with its reason and examples', () => {
      const { indicators } = web.deps.engine().catalogue;
      expect(indicators.length).toBeGreaterThan(10);
      for (const indicator of indicators) {
        expect(html).toContain(`<code>${indicator.id}</code>`);
        expect(html).toContain(escapeLikeNunjucks(indicator.reason));
        expect(html).toContain(escapeLikeNunjucks(indicator.examples.match[0] ?? ''));
        expect(html).toContain(escapeLikeNunjucks(indicator.examples.noMatch[0] ?? ''));
      }
    });

    it('says which sentences besides the indicators are candidates, in words, not frame names', () => {
      expect(text).toContain(
        'A sentence that names the police (officers, constables, sergeants, law enforcement) or names officers, and also',
      );
      expect(html).not.toMatch(/\bframe:/);
    });

    it('explains screening: candidates, passages, the model, stance, assurances and the threshold', () => {
      for (const words of [
        'Finding candidates.',
        'Taking the passage.',
        'Judging the passage.',
        'The model’s estimate.',
        'Threshold.',
        'Critique.',
        'Assurance.',
        'One finding per passage and feature.',
      ])
        expect(html).toContain(`<strong>${words}</strong>`);
      const model = web.deps.engine().model;
      expect(text).toContain(
        `It was trained on ${model.trainingData.passages.toLocaleString('en-GB')} passages of text from ${model.trainingData.sources.toLocaleString('en-GB')} sources, which people labelled by hand`,
      );
      expect(text).toContain(
        'A heading, a fragment of a sentence or a run of bullet points is not a passage',
      );
      expect(text).toContain('Platt scaling');
      expect(text).toContain('Only passages the model gives 50% or more become findings');
      expect(text).toContain('is one finding that lists all its pages');
      expect(text).toContain(
        'only when they are about SIM, the police, sanctions or people labelled as frequent callers',
      );
      expect(text).toContain('two different reviewers have each confirmed it');
    });

    it('gives the evaluation on real text, grouped by source page, as the estimate, with its interval', () => {
      const summary = readEvaluationSummary();
      if (!summary) throw new Error('npm run eval writes the summary the method page shows');
      const estimate = readableText(
        /data-testid="estimate">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '',
      );
      expect(text).toContain(
        'Our best estimate of how well screening works on documents it has not seen',
      );
      expect(text).toContain(`all the passages from one page in the same group`);
      expect(estimate).toContain(
        `Overall score (macro-F1, where 100% would mean no mistakes): ${formatPercent(summary.macroF1.value)}`,
      );
      expect(estimate).toContain(
        `anywhere from ${formatPercent(summary.macroF1.low)} to ${formatPercent(summary.macroF1.high)} (a 95% interval`,
      );
      if (summary.falseLeads)
        expect(estimate).toContain(
          `${summary.falseLeads.perHundredThousandWords.value.toFixed(1)} false leads per 100,000 words`,
        );
      expect(text).toContain('every finding is checked by two people before it is made public');
      for (const kind of summary.mistakesByKind)
        expect(text).toContain(`${kind.kind}: ${kind.wrong} of ${kind.passages} wrong`);
      // The threshold was tuned on the figures at other thresholds: they are never the estimate.
      expect(text).toContain('its best row is not an estimate for new text');
      expect(estimate).not.toContain('threshold');
    });

    it('gives the cross-validated figures of the model in detail, in both tables', () => {
      expect(text).toContain(`split into ${evaluation.folds} groups`);
      const captions = [...html.matchAll(/<caption[^>]*>\s*([^<]*?)\s*<\/caption>/g)].map(
        (match) => match[1],
      );
      expect(captions).toContain(
        `Every labelled passage: ${evaluation.withUncertain.passages.toLocaleString('en-GB')} passages`,
      );
      expect(captions).toContain(
        `Passages with certain labels only: ${evaluation.certainOnly.passages.toLocaleString('en-GB')} passages`,
      );
      for (const scores of [evaluation.withUncertain, evaluation.certainOnly]) {
        expect(text).toContain(
          `Average F1 over the 4 kinds of evidence (macro-F1): ${formatPercent(scores.macroF1, 1)}`,
        );
        expect(text).toContain(
          `Critique passages wrongly flagged as showing a practice: ${scores.critique.flagged} of ${scores.critique.total} (${formatPercent(scores.critique.share, 1)})`,
        );
      }
      for (const name of [
        'Police in care planning',
        'SIM by name',
        'Assurance (not in the average)',
      ])
        expect(html).toContain(`Kind of finding </span>${name}`);
    });

    it('shows the figures at other thresholds, the calibration and the learning curve', () => {
      expect(text).toContain('50% (used)');
      for (const row of evaluation.byThreshold)
        expect(text).toContain(formatPercent(row.macroF1, 1));
      expect(text).toContain(`Brier score: ${evaluation.calibration.brier.toFixed(3)}`);
      expect(text).toContain(
        `Expected calibration error: ${(evaluation.calibration.expectedError * 100).toFixed(1)} percentage points`,
      );
      expect(html).toMatch(/<svg [^>]*role="img" aria-labelledby="method-learning-curve-title/);
      expect(text).toContain('Macro-F1 by the share of sources trained on');
      for (const row of evaluation.learningCurve)
        expect(text).toContain(formatPercent(row.certainMacroF1, 1));
    });

    it('gives the false leads on ordinary documents when the model was tested on some', () => {
      const ordinary = evaluation.ordinaryDocuments;
      if (ordinary)
        expect(text).toContain(
          `${ordinary.perHundredThousandWords.toFixed(1)} false leads per 100,000 words`,
        );
      else expect(text).toContain('there is no figure for false leads');
    });

    it('says plainly what screening misses, with the recall of each kind of evidence', () => {
      expect(text).toContain('A document with no findings may still describe these practices');
      for (const score of evaluation.withUncertain.perLabel.filter(
        (each) => each.label === 'police_in_care' || each.label === 'sim_named',
      ))
        expect(text).toMatch(
          new RegExp(`(Police in care planning|SIM by name): ${formatPercent(score.recall)}`),
        );
      for (const words of [
        'Practice that only the rest of the document makes clear.',
        'Fragments.',
        'Many assurances.',
        'Text unlike what it learned from.',
      ])
        expect(html).toContain(`<strong>${words}</strong>`);
      expect(text).toContain('news reports and material from the United States');
    });

    it('shows no file or repository paths', () => {
      for (const path of [
        'catalogue/',
        'indicators.yaml',
        'corpus/',
        '.jsonl',
        '.json',
        'src/',
        'models/',
        'dist/',
        'shared/',
        '../',
        'npm ',
        'realdocs',
      ])
        expect(text).not.toContain(path);
    });

    it('shows how statuses are derived and when evidence contradicts an assurance', () => {
      for (const label of Object.values(statusLabels))
        expect(html).toContain(
          `<dt class="nhsuk-summary-list__key">${escapeLikeNunjucks(label)}</dt>`,
        );
      for (const rule of describeContradictionRules())
        expect(html).toContain(escapeLikeNunjucks(rule));
    });
  });
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { statusLabels } from '../../register/status/organisation-status.js';
import { describeContradictionRules } from '../../register/status/contradiction-rules.js';
import { escapeLikeNunjucks } from '../test-support/escape-like-nunjucks.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

describe('GET /method', () => {
  let web: TestWebApp;
  let html: string;

  beforeAll(async () => {
    web = await createTestWebApp();
    const response = await web.client().get('/method');
    expect(response.statusCode).toBe(200);
    html = response.body;
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

  it('explains screening: sentences, context rules, the threshold and the two-reviewer rule', () => {
    for (const words of [
      'Sentence by sentence',
      'Critique',
      'Negation',
      'Prohibition',
      'Assurance',
    ])
      expect(html).toContain(`<strong>${words}.</strong>`);
    expect(html).toContain('Only matches scoring 0.5 or more');
    expect(html).toContain('two different reviewers have each confirmed it');
  });

  it('shows the evaluation table of each corpus, with the critique share', () => {
    const tables = html.match(/<table class="nhsuk-table[^"]*simwatch-evaluation"/g) ?? [];
    expect(tables.length).toBe(2);
    expect(html).toMatch(/<caption[^>]*>Screening scores on \d+ passages<\/caption>/);
    for (const name of ['Police in care planning', 'SIM by name', 'Assurance'])
      expect(html).toContain(`Kind of finding </span>${name}</th>`);
    expect(html).toMatch(/Precision <\/span>\d+\.\d%/);
    expect(html).toMatch(
      /Critique passages wrongly flagged as showing a practice: \d+ of \d+ \(\d+\.\d%\)/,
    );
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

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { listFindings } from '../../register/findings/triage-repository.js';
import { ingestDocument } from '../../register/documents/ingest-document.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import {
  computeNationalFigures,
  type NationalFigures,
} from '../../register/status/national-figures.js';
import { statusOrder } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

/** The number in the table row whose header cell is `header` (first number after it). */
function rowValue(html: string, header: string): number {
  const pattern = new RegExp(
    `${header}\\s*(?:</a>)?\\s*</th>\\s*<td[^>]*>\\s*(?:<a [^>]*>)?(\\d+)`,
  );
  const match = pattern.exec(html);
  if (!match) throw new Error(`No table row "${header}"`);
  return Number(match[1]);
}

describe.each(testDatabases())('the home page ($name)', (database) => {
  let web: TestWebApp;
  let figures: NationalFigures;
  let html: string;
  // The app's clock: the real one, unless a test sets a day.
  let day: string | undefined;

  beforeAll(async () => {
    web = await createTestWebApp({
      demo: true,
      database,
      now: () => (day === undefined ? new Date() : new Date(`${day}T12:00:00Z`)),
    });
    figures = computeNationalFigures(await loadOrganisationFacts(web.deps.database.db));
    const response = await web.client().get('/');
    expect(response.statusCode).toBe(200);
    html = response.body;
  }, 120_000);
  afterAll(() => web.cleanUp());

  it('names each organisation whose evidence contradicts its assurances once, saying why', () => {
    const list = /data-testid="contradicted-organisations">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(list.match(/<li>/g)).toHaveLength(figures.contradicted);
    expect(list.split('Eastmere Mental Health NHS Foundation Trust')).toHaveLength(2);
    expect(list).toContain(
      '<a href="/organisations/DEMO-T01">Eastmere Mental Health NHS Foundation Trust</a><br><span class="nhsuk-body-s">Confirmed evidence of police in care planning and of coercion and sanctions dated 28 September 2023 contradicts its assurance of 1 June 2021 that the scheme had ended on 31 March 2021.</span>',
    );
  });

  it('names an organisation whose promised end date has passed, saying why', () => {
    const list = /data-testid="broken-promises">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(list).toMatch(
      /<a href="\/organisations\/DEMO-T02">Kestrelford Healthcare NHS Foundation Trust<\/a><br><span class="nhsuk-body-s">It said on 16 September 2024 that use would end by 31 March 2025 \(\d+ months ago\); nothing recorded since says use ended\.<\/span>/,
    );
  });

  it('lists a promise from the day after its end date, even when the page was kept', async () => {
    try {
      day = '2025-03-31';
      const before = (await web.client().get('/')).body;
      expect(before).toContain('No organisation has a promised end date that has passed');
      expect((await web.client().get('/')).headers['x-simwatch-cache']).toBe('hit');
      day = '2025-04-01';
      const after = (await web.client().get('/')).body;
      expect(after).toMatch(/data-testid="broken-promises">[\s\S]*Kestrelford Healthcare/);
      expect(after).toContain('(less than a month ago)');
    } finally {
      day = undefined;
    }
  });

  it('shows the national figures computed from the records', () => {
    expect(html).toContain(`Out of ${figures.organisations} organisations in the register.`);
    expect(rowValue(html, 'Asked in a national review')).toBe(figures.asked);
    expect(rowValue(html, 'Responded to the review')).toBe(figures.responded);
    expect(rowValue(html, 'Used SIM or a SIM-type model')).toBe(figures.usedModel);
    expect(rowValue(html, 'Appear to be continuing key features')).toBe(figures.continuing);
    expect(rowValue(html, 'Evidence contradicts an assurance they gave')).toBe(
      figures.contradicted,
    );
    expect(rowValue(html, 'Police in care planning')).toBe(figures.perFeature.police_in_care.used);
    expect(rowValue(html, 'SIM by name')).toBe(figures.perFeature.sim_named.used);
  });

  it('links each feature to the organisations that used it', () => {
    for (const feature of features)
      expect(html).toContain(
        `<a href="/organisations?feature=${feature}">${figures.perFeature[feature].used}</a>`,
      );
  });

  it('counts the organisations with each status, linking to them', () => {
    for (const status of statusOrder)
      expect(html).toContain(`href="/organisations?status=${status}"`);
    expect(rowValue(html, 'Appears to be continuing')).toBe(figures.byStatus.continuing);
    expect(rowValue(html, 'Not yet reviewed')).toBe(figures.byStatus.not_yet_reviewed);
  });

  it('draws the figures as accessible SVG charts with their numbers written on them', () => {
    const charts = html.match(/<svg [^>]*role="img"[^>]*>/g) ?? [];
    expect(charts).toHaveLength(2);
    expect(html).toContain('aria-labelledby="chart-answers-title chart-answers-description"');
    expect(html).toContain(
      `<title id="chart-answers-title">Organisations, out of ${figures.organisations} in the register</title>`,
    );
    expect(html).toMatch(
      /<desc id="chart-answers-description">[^<]*Responded to the review: \d+\./,
    );
    expect(html).toContain(`>Used: ${figures.perFeature.police_in_care.used}</text>`);
    expect(html).toContain('<caption class="nhsuk-table__caption');
  });

  it('lists what changed recently in plain English, with dates and links', () => {
    const changes = /<ul class="[^"]*simwatch-changes">([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    const items = changes.match(/<li>/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(10);
    expect(changes).toMatch(/<time datetime="\d{4}-\d\d-\d\dT[^"]+">\d{1,2} \w+ \d{4}<\/time>/);
    expect(changes).toMatch(
      /Evidence confirmed: (police in care planning|coercion and sanctions|discrimination against high intensity users|SIM by name) in &quot;/,
    );
  });

  it('says a finding was confirmed only when it is confirmed, and never names reviewers', async () => {
    const findings = await listFindings(web.deps.database.db);
    const confirmedPages = new Set(
      findings
        .filter((finding) => finding.status === 'confirmed')
        .map((finding) => `/documents/${finding.documentId}#page-${finding.page ?? 1}`),
    );
    const links = [...html.matchAll(/<a href="([^"]+)">Evidence confirmed:/g)].map(
      (match) => match[1],
    );
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(confirmedPages.has(link ?? '')).toBe(true);
    // Lowhaven's finding has one confirmation only: it is a lead, not evidence.
    expect(html).not.toMatch(/Evidence confirmed:[^<]*Repeat Contact Project/);
    expect(html).not.toContain('reviewer-a');
    expect(html).not.toContain('reviewer-b');
  });

  it('shows a change as soon as it is recorded', async () => {
    await ingestDocument(web.deps, {
      bytes: new TextEncoder().encode('Minutes of the quarterly meeting of the finance committee.'),
      fileName: 'finance-minutes.txt',
      title: 'Finance committee minutes',
      organisationCodes: ['DEMO-T04'],
      docType: 'board_paper',
      actor: 'test',
    });
    const response = await web.client().get('/');
    expect(response.body).toMatch(
      /<a href="\/documents\/\d+">Document added: Finance committee minutes<\/a>/,
    );
  });
});

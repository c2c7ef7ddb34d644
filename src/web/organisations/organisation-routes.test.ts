import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { countEvents, findLatestCheckpoint } from '../../register/ledger/record-reads.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import {
  computeNationalFigures,
  type NationalFigures,
} from '../../register/status/national-figures.js';
import { statusLabels, statusOrder } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { createTemplateEnvironment } from '../render/template-environment.js';
import { escapeLikeNunjucks } from '../test-support/escape-like-nunjucks.js';
import { fictionalOrganisations } from '../test-support/fictional-organisations.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

/** The codes of the organisations listed, in order. */
function listedCodes(html: string): string[] {
  return [...html.matchAll(/<a href="\/organisations\/([^"]+)">/g)].map((match) =>
    decodeURIComponent(match[1] ?? ''),
  );
}

describe.each(testDatabases())('an organisation page ($name)', (database) => {
  let web: TestWebApp;

  beforeAll(async () => {
    web = await createTestWebApp({ demo: true, database });
  }, 120_000);
  afterAll(() => web.cleanUp());

  async function statusOf(code: string) {
    const [facts] = await loadOrganisationFacts(web.deps.database.db, code);
    if (!facts) throw new Error(`No organisation ${code}`);
    return { facts, status: deriveStatus(facts) };
  }

  it('shows the status and every reason for it, each citing its source', async () => {
    const { status } = await statusOf('DEMO-T01');
    expect(status.status).toBe('contradicted');
    const response = await web.client().get('/organisations/DEMO-T01');
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain('<h1>Eastmere Mental Health NHS Foundation Trust</h1>');
    expect(html).toContain(
      '<strong class="nhsuk-tag nhsuk-tag--red">Evidence contradicts an assurance</strong>',
    );
    const why = /<h2 id="why">Why this status\?<\/h2>([\s\S]*?)<\/ul>/.exec(html)?.[1] ?? '';
    expect(status.reasons.length).toBeGreaterThan(0);
    for (const reason of status.reasons) expect(why).toContain(escapeLikeNunjucks(reason.text));
    expect(why).toMatch(/\(Source: <a href="#assurance-\d+">Assurance of \d+ \w+ \d{4}<\/a>\)/);
    expect(why).toMatch(/\(Source: <a href="\/documents\/\d+#page-\d+">&quot;/);
  });

  it('shows confirmed evidence with redacted excerpts, and no pending finding', async () => {
    const all = await listFindings(web.deps.database.db);
    // Every demonstration organisation with findings, so that pending ones are checked too.
    const codes = [...new Set(all.flatMap((finding) => finding.organisations))];
    let pendingChecked = 0;
    for (const code of codes) {
      const findings = await listFindings(web.deps.database.db, { organisationCode: code });
      const confirmed = findings.filter((finding) => finding.status === 'confirmed');
      // A pending assurance finding's words may be public as a recorded assurance.
      const pending = findings.filter(
        (finding) =>
          finding.status !== 'confirmed' &&
          finding.label !== 'assurance' &&
          !confirmed.some((each) => each.excerpt.includes(finding.excerpt)),
      );
      const page = (await web.client().get(`/organisations/${code}`)).body;
      for (const finding of confirmed) {
        expect(page).toContain(escapeLikeNunjucks(redactExcerpt(finding.excerpt).text));
        expect(page).toContain(`id="finding-${finding.id}"`);
        expect(page).toContain(`href="/documents/${finding.documentId}#page-${finding.page ?? 1}"`);
      }
      for (const finding of pending) {
        expect(page).not.toContain(escapeLikeNunjucks(finding.excerpt));
        expect(page).not.toContain(`id="finding-${finding.id}"`);
        pendingChecked += 1;
      }
    }
    expect(pendingChecked).toBeGreaterThan(0);
    const html = (await web.client().get('/organisations/DEMO-T02')).body;
    // The letter names a person and gives a phone number: the page shows neither.
    expect(html).toContain('[name removed]');
    expect(html).not.toContain('John Example');
    expect(html).not.toContain('01632 960 123');
    expect(html).toContain('2 personal details have been removed from this quote.');
  });

  it('shows the timeline newest first, contradictions included', async () => {
    const { status } = await statusOf('DEMO-T01');
    const html = (await web.client().get('/organisations/DEMO-T01')).body;
    const timeline = /<ol class="simwatch-timeline">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    const dates = [...timeline.matchAll(/<time datetime="([^"]+)">/g)].map((match) => match[1]);
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(status.contradictionGroups.length).toBeGreaterThan(0);
    for (const contradiction of status.contradictionGroups) {
      const anchor = `id="contradiction-${contradiction.assuranceId}-${contradiction.documentId}"`;
      expect(timeline.split(anchor)).toHaveLength(2);
      expect(timeline).toContain(escapeLikeNunjucks(contradiction.explanation));
    }
    expect(timeline).toContain('<h3 class="nhsuk-heading-s">Return to ');
    expect(timeline).toContain('<h3 class="nhsuk-heading-s">Assurance given by ');
  });

  it('draws the dated records as a graphic with a table of the same entries', async () => {
    const html = (await web.client().get('/organisations/DEMO-T01')).body;
    const svg = /<svg class="simwatch-timeline-chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    const table = /data-testid="timeline-table">([\s\S]*?)<\/table>/.exec(html)?.[1] ?? '';
    const pairs = (text: string) =>
      [...text.matchAll(/data-date="([^"]+)" data-kind="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(pairs(svg).length).toBeGreaterThan(4);
    expect(pairs(table)).toEqual(pairs(svg));
    expect(pairs(svg)).toEqual(
      expect.arrayContaining([
        '2021-06-01 assurance',
        '2021-03-31 stated_end',
        '2024-03-12 return',
        '2023-09-28 evidence',
      ]),
    );
    expect(html).toMatch(/role="region" aria-label="Timeline graphic[^"]*" tabindex="0"/);
  });

  it('shows how the status changed, newest first, with the reasons', async () => {
    const html = (await web.client().get('/organisations/DEMO-T01')).body;
    const history = /data-testid="status-history">([\s\S]*?)<\/ol>/.exec(html)?.[1] ?? '';
    const changes = [
      ...history.matchAll(
        /Changed from ([^<]+) to <strong>([^<]+)<\/strong> on <time datetime="([^"]+)">/g,
      ),
    ].map((m) => [m[3], m[1], m[2]]);
    expect(changes[0]).toEqual([
      '2023-09-28',
      'Used, says it has ended',
      'Evidence contradicts an assurance',
    ]);
    expect(changes.map((change) => change[0])).toEqual(
      changes
        .map((change) => change[0])
        .sort()
        .reverse(),
    );
    expect(history).toContain('Board of Directors, 28 September 2023');
  });

  it('gives a citation with the permalink, dates, day accessed and the latest signed checkpoint', async () => {
    const checkpoint = await findLatestCheckpoint(web.deps.database.db);
    expect(checkpoint?.treeSize).toBe(await countEvents(web.deps.database.db));
    const html = (await web.client().get('/organisations/DEMO-T01')).body;
    const citation = /data-testid="citation"><code>([\s\S]*?)<\/code>/.exec(html)?.[1] ?? '';
    expect(citation.split('\n')).toEqual([
      'Title: Eastmere Mental Health NHS Foundation Trust: entry in the simwatch register',
      `Permalink: ${web.deps.config.web.publicUrl}/organisations/DEMO-T01`,
      'Status since: 28 September 2023',
      'Latest dated record: 12 March 2024',
      'Status: Evidence contradicts an assurance',
      expect.stringMatching(/^Accessed: \d{1,2} \w+ \d{4}$/) as string,
      `Record checkpoint: tree size ${checkpoint?.treeSize} (events 1 to ${checkpoint?.treeSize}), root hash (SHA-256) ${checkpoint?.rootHash}, signed ${checkpoint?.time}`,
    ]);
  });

  it('shows the organisation’s details, links and documents', async () => {
    const html = (await web.client().get('/organisations/DEMO-T05')).body;
    expect(html).toContain('Brackenmoor Care NHS Foundation Trust');
    expect(html).toContain('<dd class="nhsuk-summary-list__value">South West</dd>');
    expect(html).toMatch(
      /Works with: <a href="\/organisations\/DEMO-P04">Brackenmoor Constabulary<\/a>/,
    );
    expect(html).toMatch(/Commissioned by: <a href="\/organisations\/DEMO-ICB1">/);
    expect(html).toMatch(
      /<a href="\/documents\/\d+">Frequent caller protocol \(Brackenmoor\)<\/a>/,
    );
  });

  it('answers an unknown code with a page not found', async () => {
    const response = await web.client().get('/organisations/DEMO-NONE');
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(response.body).toContain(
      'No organisation in the register has the code &quot;DEMO-NONE&quot;',
    );
  });

  it('shows a decision as soon as it confirms a finding', async () => {
    const lead = (await listFindings(web.deps.database.db, { organisationCode: 'DEMO-T06' })).find(
      (finding) => finding.status === 'pending' && finding.decisions.length === 1,
    );
    if (!lead) throw new Error('The demo should have a lead awaiting a second reviewer');
    const before = (await web.client().get('/organisations/DEMO-T06')).body;
    expect(before).not.toContain(`id="finding-${lead.id}"`);
    await decideFinding(web.deps, { findingId: lead.id, reviewer: 'sam', decision: 'confirm' });
    const after = (await web.client().get('/organisations/DEMO-T06')).body;
    expect(after).toContain(`id="finding-${lead.id}"`);
  });
});

describe('the list of organisations', () => {
  let web: TestWebApp;
  let figures: NationalFigures;

  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
    figures = computeNationalFigures(await loadOrganisationFacts(web.deps.database.db));
  }, 60_000);
  afterAll(() => web.cleanUp());

  it('lists every organisation by name with its code, kind, region and status', async () => {
    const response = await web.client().get('/organisations');
    expect(response.statusCode).toBe(200);
    const codes = listedCodes(response.body);
    expect(codes).toHaveLength(12);
    expect(response.body).toContain('12 organisations');
    expect(response.body).toContain('Code DEMO-T01');
    expect(response.body).toContain('Mental health trust · North East · Code DEMO-T01');
    expect(response.body).toContain(
      '<strong class="nhsuk-tag nhsuk-tag--orange">Appears to be continuing</strong>',
    );
  });

  it('offers its filters in a form that works without JavaScript', async () => {
    const html = (await web.client().get('/organisations')).body;
    expect(html).toContain('<form action="/organisations" method="get"');
    for (const name of ['kind', 'status', 'region', 'feature', 'sort'])
      expect(html).toMatch(new RegExp(`<label class="nhsuk-label" for="${name}">`));
  });

  it('narrows the list by kind, region, status and feature', async () => {
    const police = await web.client().get('/organisations?kind=police_force');
    expect(listedCodes(police.body)).toEqual(['DEMO-P04', 'DEMO-P01', 'DEMO-P02', 'DEMO-P03']);
    expect(police.body).toContain('4 of 12 organisations match');
    const region = await web
      .client()
      .get('/organisations?region=North+East+and+Yorkshire&kind=mental_health_trust');
    // The demonstration register names parts of the region: North East, Yorkshire and the Humber.
    expect(listedCodes(region.body)).toEqual(['DEMO-T01', 'DEMO-T03']);
    const older = await web
      .client()
      .get('/organisations?region=North+East&kind=mental_health_trust');
    expect(listedCodes(older.body)).toEqual(['DEMO-T01', 'DEMO-T03']);
  });

  it('counts as many organisations per status and feature as the national figures', async () => {
    for (const status of statusOrder) {
      const html = (await web.client().get(`/organisations?status=${status}`)).body;
      expect(listedCodes(html), status).toHaveLength(figures.byStatus[status]);
    }
    for (const feature of features) {
      const html = (await web.client().get(`/organisations?feature=${feature}`)).body;
      expect(listedCodes(html), feature).toHaveLength(figures.perFeature[feature].used);
    }
  });

  it('sorts by seriousness of status and by amount of evidence', async () => {
    const byStatus = listedCodes((await web.client().get('/organisations?sort=status')).body);
    expect(byStatus[0]).toBe('DEMO-T01');
    const facts = await loadOrganisationFacts(web.deps.database.db);
    const evidence = new Map(facts.map((each) => [each.organisation.code, each.evidence.length]));
    const byEvidence = listedCodes((await web.client().get('/organisations?sort=evidence')).body);
    const counts = byEvidence.map((code) => evidence.get(code) ?? -1);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(counts[0]).toBeGreaterThan(0);
  });

  it('refuses an unknown filter value with an error summary and lists nothing', async () => {
    const response = await web.client().get('/organisations?kind=hospital&sort=size');
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toMatch(/<a href="#kind">\s*Choose a kind of organisation from the list/);
    expect(response.body).toMatch(/<a href="#sort">\s*Choose how to sort the list/);
    expect(response.body).toMatch(/class="[^"]*nhsuk-select--error[^"]*" id="kind"/);
    expect(response.body).toMatch(/<title>Error: Organisations/);
    expect(listedCodes(response.body)).toEqual([]);
  });
});

describe('a long list of organisations', () => {
  let web: TestWebApp;

  beforeAll(async () => {
    web = await createTestWebApp();
    await importOrganisations(web.deps, fictionalOrganisations(60), 'test');
  }, 60_000);
  afterAll(() => web.cleanUp());

  it('shows 20 organisations a page, with pages that keep the query', async () => {
    const first = (await web.client().get('/organisations?sort=status')).body;
    expect(listedCodes(first)).toHaveLength(20);
    expect(first).toContain('60 organisations');
    expect(first).toContain('Page 1 of 3: 1 to 20');
    expect(first).toContain('aria-label="Pages of organisations"');
    expect(first).toContain('href="/organisations?sort=status&amp;page=2"');
    const third = await web.client().get('/organisations?sort=status&page=3');
    expect(third.body).toMatch(/<title>Organisations \(page 3 of 3\)/);
    expect(listedCodes(third.body)).toHaveLength(20);
    expect(third.body).toContain('Page 3 of 3: 41 to 60');
    const all = [1, 2, 3].map(async (page) =>
      listedCodes((await web.client().get(`/organisations?page=${page}`)).body),
    );
    const codes = (await Promise.all(all)).flat();
    expect(new Set(codes).size).toBe(60);
    const byName = fictionalOrganisations(60).sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
    expect(codes).toEqual(byName.map((each) => each.code));
  });

  it('finds organisations by any part of the name, a former name or the code, in any case', async () => {
    const byName = (await web.client().get('/organisations?q=ashmoor+FICTIONAL')).body;
    expect(listedCodes(byName)).toEqual([
      'TEST-001',
      'TEST-008',
      'TEST-015',
      'TEST-022',
      'TEST-029',
      'TEST-036',
      'TEST-043',
      'TEST-050',
      'TEST-057',
    ]);
    expect(byName).toContain('9 of 60 organisations match');
    expect(byName).toContain('value="ashmoor FICTIONAL"');
    expect(
      listedCodes((await web.client().get('/organisations?q=old+testford+body+011')).body),
    ).toEqual(['TEST-011']);
    expect(listedCodes((await web.client().get('/organisations?q=test-042')).body)).toEqual([
      'TEST-042',
    ]);
    const filtered = (
      await web.client().get('/organisations?q=fictional&kind=police_force&region=London')
    ).body;
    expect(listedCodes(filtered)).toEqual(
      fictionalOrganisations(60)
        .filter((each) => each.kind === 'police_force' && each.region === 'London')
        .map((each) => each.code),
    );
    expect(listedCodes(filtered).length).toBeGreaterThan(0);
    const none = (await web.client().get('/organisations?q=nowhere')).body;
    expect(listedCodes(none)).toEqual([]);
    expect(none).toContain('No organisations match “nowhere”.');
  });

  it('narrows the list to the trusts in an integrated care board area', async () => {
    const html = (await web.client().get('/organisations?icb=TEST-004')).body;
    const expected = fictionalOrganisations(60)
      .filter((each) => each.icbCode === 'TEST-004')
      .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
      .map((each) => each.code);
    expect(expected.length).toBeGreaterThan(5);
    expect(listedCodes(html)).toEqual(expected);
    expect(html).toMatch(/<option value="TEST-010">Cotterby Fictional Organisation 010<\/option>/);
    const unknown = await web.client().get('/organisations?icb=TEST-001');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('Choose an integrated care board from the list');
  });

  it('keeps the search in the page links and points a page past the end back to the first', async () => {
    const html = (await web.client().get('/organisations?q=fictional&page=2')).body;
    expect(html).toContain('href="/organisations?q=fictional"');
    expect(html).toContain('href="/organisations?q=fictional&amp;page=3"');
    const past = (await web.client().get('/organisations?q=fictional&page=9')).body;
    expect(listedCodes(past)).toEqual([]);
    expect(past).toContain('There are no organisations on page 9.');
  });
});

describe('the status tag partial', () => {
  it('shows the label of every status, as the status rules name them', () => {
    const templates = createTemplateEnvironment({ cache: false });
    for (const status of statusOrder) {
      const html = templates.renderString(
        '{% from "partials/status-tag.njk" import statusTag %}{{ statusTag(code) }}',
        { code: status },
      );
      expect(html).toMatch(
        new RegExp(
          `^<strong class="nhsuk-tag nhsuk-tag--[a-z-]+">${statusLabels[status]}</strong>$`,
        ),
      );
    }
  });
});

describe('a closed organisation in the list', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp();
    const [open, closed] = fictionalOrganisations(2);
    if (!open || !closed) throw new Error('two fictional organisations expected');
    await importOrganisations(
      web.deps,
      [open, { ...closed, closed: '2026-03-31', successorCodes: [open.code] }],
      'test',
    );
  }, 60_000);
  afterAll(() => web.cleanUp());

  it('is marked closed, with the day it closed; an open one is not', async () => {
    const body = (await web.client().get('/organisations?q=fictional+organisation')).body;
    expect(body).toContain('Code TEST-002 · <strong>Closed 31 March 2026</strong>');
    expect(body).not.toContain('Code TEST-001 · <strong>Closed');
  });
});

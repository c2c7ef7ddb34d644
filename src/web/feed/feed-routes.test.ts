import { parseFeed } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { recordAssurance } from '../../register/assurances/assurances-service.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { loadOrganisationFacts } from '../../register/load-organisation-facts.js';
import { deriveStatus } from '../../register/status/derive-status.js';
import { statusLabels } from '../../register/status/organisation-status.js';
import { features } from '../../register/status/register-facts.js';
import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { xmlProblems } from '../open-data/test-support/xml-problems.js';
import { createTestWebApp, testUsers, type TestWebApp } from '../test-support/web-test-app.js';
import { feedLength } from './feed-routes.js';

/** The entries of a feed, with the fields a reader uses. */
function entriesOf(xml: string) {
  const feed = parseFeed(xml, { xmlMode: true });
  if (!feed) throw new Error('The feed could not be read');
  return feed.items;
}

describe('the Atom feed', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
  });
  afterAll(async () => {
    await web.cleanUp();
  });

  it("lists the demonstration register's confirmed evidence and assurances, newest first, as well-formed Atom", async () => {
    const response = await web.client().get('/feed.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(xmlProblems(response.body)).toEqual([]);
    const db = web.deps.database.db;
    const evidence = await db
      .selectFrom('findings')
      .select(['id', 'document_id'])
      .where('status', '=', 'confirmed')
      .where('label', 'in', [...features])
      .execute();
    const assurances = await db.selectFrom('assurances').select('id').execute();
    expect(evidence.length).toBeGreaterThan(3);
    expect(assurances.length).toBeGreaterThan(1);
    const entries = entriesOf(response.body);
    expect(entries).toHaveLength(Math.min(feedLength, evidence.length + assurances.length));
    for (const row of evidence)
      expect(entries.map((entry) => entry.link)).toContain(
        `http://localhost:3000/documents/${row.document_id}/findings/${row.id}`,
      );
    const updated = [...response.body.matchAll(/<entry>[\s\S]*?<updated>([^<]+)</g)].map(
      (match) => match[1] ?? '',
    );
    expect(updated).toEqual([...updated].sort().reverse());
    const ids = entries.map((entry) => entry.id ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^urn:uuid:[0-9a-f-]{36}$/.test(id))).toBe(true);
    const again = entriesOf((await web.client().get('/feed.atom')).body);
    expect(again.map((entry) => entry.id)).toEqual(ids);
  });

  it('shows no excerpt of a finding that is not confirmed, and redacts personal data', async () => {
    const db = web.deps.database.db;
    const rows = await db.selectFrom('findings').select(['excerpt', 'status']).execute();
    const confirmed = new Set(
      rows.filter((row) => row.status === 'confirmed').map((row) => row.excerpt),
    );
    const assurances = (await db.selectFrom('assurances').select('text').execute()).map(
      (row) => row.text,
    );
    const unconfirmed = rows.filter(
      (row) =>
        row.status !== 'confirmed' &&
        !confirmed.has(row.excerpt) &&
        !assurances.some((text) => text.includes(row.excerpt)),
    );
    expect(unconfirmed.length).toBeGreaterThan(0);
    const entries = entriesOf((await web.client().get('/feed.atom')).body);
    const texts = entries.flatMap((entry) => [entry.title ?? '', entry.description ?? '']);
    for (const row of unconfirmed)
      for (const excerpt of [row.excerpt, redactExcerpt(row.excerpt).text])
        expect(
          texts.some((text) => text.includes(excerpt)),
          excerpt,
        ).toBe(false);
    expect(texts.join('\n')).toContain('[name removed]');
    expect(texts.join('\n')).not.toContain('01632 960 123');
  });

  it('puts a new assurance first, with <, & and quotes in its title and summary escaped', async () => {
    const name = 'Smith & Jones <Care> "Trust"';
    await importOrganisations(
      web.deps,
      [
        {
          code: 'DEMO-X99',
          name,
          kind: 'mental_health_trust',
          region: null,
          formerNames: [],
          sourceUrl: null,
        },
      ],
      'test',
    );
    await recordAssurance(
      web.deps,
      {
        organisationCode: 'DEMO-X99',
        givenOn: '2024-01-02',
        givenBy: 'Chief Executive',
        scope: 'never_used',
        text: 'We <never> used "SIM" & never will.',
        source: 'https://example.org/letter?a=1&b=2',
      },
      'test',
    );
    const response = await web.client().get('/feed.atom');
    expect(xmlProblems(response.body)).toEqual([]);
    expect(response.body).toContain(
      'New assurance: Smith &amp; Jones &lt;Care&gt; &quot;Trust&quot;',
    );
    const [first] = entriesOf(response.body);
    expect(first?.title).toBe(`New assurance: ${name}`);
    expect(first?.description).toContain('"We <never> used "SIM" & never will."');
    expect(first?.link).toBe('http://localhost:3000/organisations/DEMO-X99');
  });

  it('adds a finding when its second reviewer confirms it, dated by that decision', async () => {
    const db = web.deps.database.db;
    const pending = await db
      .selectFrom('findings')
      .innerJoin('documents', 'documents.id', 'findings.document_id')
      .select(['findings.id', 'findings.document_id'])
      .where('findings.status', '=', 'pending')
      .where('findings.label', 'in', [...features])
      .where('documents.public', '=', 1)
      .orderBy('findings.id')
      .executeTakeFirstOrThrow();
    const link = `http://localhost:3000/documents/${pending.document_id}/findings/${pending.id}`;
    const before = entriesOf((await web.client().get('/feed.atom')).body);
    expect(before.map((entry) => entry.link)).not.toContain(link);
    const firstDecisions = await db
      .selectFrom('decisions')
      .select('reviewer')
      .where('finding_id', '=', pending.id)
      .execute();
    const reviewers = [testUsers.reviewer.username, testUsers.secondReviewer.username].filter(
      (reviewer) => !firstDecisions.some((decision) => decision.reviewer === reviewer),
    );
    for (const reviewer of reviewers.slice(0, firstDecisions.length === 0 ? 2 : 1))
      await decideFinding(web.deps, { findingId: pending.id, reviewer, decision: 'confirm' });
    const decidedAt = await db
      .selectFrom('decisions')
      .select('decided_at')
      .where('finding_id', '=', pending.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const response = await web.client().get('/feed.atom');
    const [first] = entriesOf(response.body);
    expect(first?.link).toBe(link);
    expect(first?.title).toMatch(/^Confirmed evidence of /);
    expect(response.body).toContain(`<updated>${decidedAt.decided_at}</updated>`);
  });

  it("gives only one organisation's evidence and assurances with ?organisation=", async () => {
    const db = web.deps.database.db;
    const code = 'DEMO-T01';
    const evidence = await db
      .selectFrom('findings')
      .innerJoin(
        'document_organisations',
        'document_organisations.document_id',
        'findings.document_id',
      )
      .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
      .select(['findings.id', 'findings.document_id'])
      .where('findings.status', '=', 'confirmed')
      .where('findings.label', 'in', [...features])
      .where('organisations.code', '=', code)
      .execute();
    const assurances = await db
      .selectFrom('assurances')
      .innerJoin('organisations', 'organisations.id', 'assurances.organisation_id')
      .select('assurances.id')
      .where('organisations.code', '=', code)
      .execute();
    expect(evidence.length).toBeGreaterThan(0);
    expect(assurances.length).toBeGreaterThan(0);
    const response = await web.client().get(`/feed.atom?organisation=${code}`);
    expect(response.statusCode).toBe(200);
    expect(xmlProblems(response.body)).toEqual([]);
    expect(response.body).toContain(
      `<link rel="self" type="application/atom+xml" href="http://localhost:3000/feed.atom?organisation=${code}"/>`,
    );
    const entries = entriesOf(response.body);
    expect(entries).toHaveLength(evidence.length + assurances.length);
    const links = entries.map((entry) => entry.link ?? '');
    expect(links.filter((link) => link.includes('/findings/')).sort()).toEqual(
      evidence
        .map((row) => `http://localhost:3000/documents/${row.document_id}/findings/${row.id}`)
        .sort(),
    );
    expect(links.filter((link) => !link.includes('/findings/'))).toEqual(
      assurances.map(() => `http://localhost:3000/organisations/${code}`),
    );
    const all = entriesOf((await web.client().get('/feed.atom')).body);
    expect(all.length).toBeGreaterThan(entries.length);
    expect((await web.client().get('/feed.atom?organisation=NOPE')).statusCode).toBe(404);
  });

  it('gives each change of an organisation’s status, with the old and new status and why', async () => {
    const response = await web.client().get('/status-changes.atom');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    expect(xmlProblems(response.body)).toEqual([]);
    const entries = entriesOf(response.body);
    expect(entries.length).toBeGreaterThan(3);
    const updated = [...response.body.matchAll(/<entry>[\s\S]*?<updated>([^<]+)</g)].map(
      (match) => match[1] ?? '',
    );
    expect(updated).toEqual([...updated].sort().reverse());
    const ids = entries.map((entry) => entry.id ?? '');
    expect(new Set(ids).size).toBe(ids.length);
    const again = entriesOf((await web.client().get('/status-changes.atom')).body);
    expect(again.map((entry) => entry.id)).toEqual(ids);
    // Each organisation's newest change leads to the status its page shows now.
    const facts = await loadOrganisationFacts(web.deps.database.db);
    for (const each of facts) {
      const { status } = deriveStatus(each);
      const code = each.organisation.code;
      const own = entriesOf(
        (await web.client().get(`/status-changes.atom?organisation=${code}`)).body,
      );
      for (const entry of own)
        expect(entry.link).toBe(`http://localhost:3000/organisations/${code}#why`);
      if (status === 'not_yet_reviewed') continue;
      expect(own[0]?.title, code).toContain(`: ${statusLabels[status]} (was `);
      expect(own[0]?.description).toMatch(/^Status changed from ".+" to ".+"\. Why: .+/);
    }
  });

  it('gives a search as a feed of the public documents it finds, and refuses an empty one', async () => {
    const response = await web.client().get('/search.atom?q=police&type=&page=2');
    expect(response.statusCode).toBe(200);
    expect(xmlProblems(response.body)).toEqual([]);
    const entries = entriesOf(response.body);
    expect(entries.length).toBeGreaterThan(0);
    const page = (await web.client().get('/search?q=police')).body;
    expect(page).toContain('href="/search.atom?q=police"');
    expect(page).toMatch(
      /<link rel="alternate" type="application\/atom\+xml" title="Documents matching “police”" href="\/search.atom\?q=police">/,
    );
    const onPage = [
      ...page.matchAll(
        /<h3 class="nhsuk-heading-s nhsuk-u-margin-bottom-2"><a href="(\/documents\/\d+)#/g,
      ),
    ].map((match) => `http://localhost:3000${match[1] ?? ''}`);
    for (const link of onPage)
      expect(entries.map((entry) => (entry.link ?? '').split('#')[0])).toContain(link);
    const narrowed = entriesOf(
      (await web.client().get('/search.atom?q=police&organisation=DEMO-T01')).body,
    );
    expect(narrowed.length).toBeGreaterThan(0);
    expect(narrowed.length).toBeLessThanOrEqual(entries.length);
    expect((await web.client().get('/search.atom')).statusCode).toBe(400);
    expect((await web.client().get('/search.atom?q=police&organisation=NOPE')).statusCode).toBe(
      400,
    );
  });
});

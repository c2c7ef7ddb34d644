import { createHash } from 'node:crypto';
import { chmod, unlink, writeFile } from 'node:fs/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { ingestDocument } from '../../register/documents/ingest-document.js';
import { countEvents, findLatestCheckpoint } from '../../register/ledger/record-reads.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import type { FindingSummary } from '../../register/findings/finding-summary.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { textPartLimits } from './text-parts.js';
import { escapeLikeNunjucks } from '../test-support/escape-like-nunjucks.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

/** The HTML inside the highlight of a finding, or undefined when it is not highlighted. */
function markOf(html: string, findingId: number): string | undefined {
  return new RegExp(`<mark id="finding-${findingId}">([\\s\\S]*?)</mark>`).exec(html)?.[1];
}

/** The HTML of page `number`'s section. */
function pageSection(html: string, number: number): string {
  return (
    new RegExp(`<section class="simwatch-page" id="page-${number}"[\\s\\S]*?</section>`).exec(
      html,
    )?.[0] ?? ''
  );
}

describe('document pages', () => {
  let web: TestWebApp;
  let findings: FindingSummary[];
  let privateId: number;
  const privateText =
    'A police officer is embedded in the community mental health team. <script>alert(1)</script>';

  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
    findings = await listFindings(web.deps.database.db);
    privateId = (
      await ingestDocument(web.deps, {
        bytes: new TextEncoder().encode(privateText),
        fileName: 'leaked "memo".txt',
        title: 'Internal memo <b>draft</b>',
        organisationCodes: ['DEMO-T06'],
        docType: 'correspondence',
        documentDate: '2025-01-20',
        source: 'javascript:alert(1)',
        obtained: 'Shared in confidence',
        public: false,
        actor: 'test',
      })
    ).documentId;
  }, 60_000);
  afterAll(() => web.cleanUp());

  function confirmedIn(title: string): FindingSummary[] {
    const found = findings.filter(
      (finding) => finding.documentTitle === title && finding.status === 'confirmed',
    );
    if (found.length === 0) throw new Error(`No confirmed finding in "${title}"`);
    return found;
  }

  it('gives a citation: permalink, SHA-256, pages, dates, the day accessed and the signed checkpoint', async () => {
    const [finding] = confirmedIn(
      'Board of Directors, 28 September 2023: Quality and Safety Committee report',
    );
    const id = finding?.documentId ?? 0;
    const stored = await web.deps.database.db
      .selectFrom('documents')
      .select(['sha256', 'page_count'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const checkpoint = await findLatestCheckpoint(web.deps.database.db);
    expect(checkpoint?.treeSize).toBe(await countEvents(web.deps.database.db));
    const html = (await web.client().get(`/documents/${id}`)).body;
    const citation = /data-testid="citation"><code>([\s\S]*?)<\/code>/.exec(html)?.[1] ?? '';
    const base = web.deps.config.web.publicUrl;
    expect(citation.split('\n')).toEqual([
      'Title: Board of Directors, 28 September 2023: Quality and Safety Committee report',
      `Permalink: ${base}/documents/${id}`,
      'Document date: 28 September 2023',
      expect.stringMatching(/^Added to the register: \d{1,2} \w+ \d{4}$/) as string,
      `Document SHA-256: ${stored.sha256}`,
      `Pages: ${stored.page_count}`,
      ...confirmedIn('Board of Directors, 28 September 2023: Quality and Safety Committee report')
        .sort((a, b) => a.id - b.id)
        .map(
          (each) =>
            expect.stringContaining(`${base}/documents/${id}/findings/${each.id} (page `) as string,
        ),
      expect.stringMatching(/^Accessed: \d{1,2} \w+ \d{4}$/) as string,
      `Record checkpoint: tree size ${checkpoint?.treeSize} (events 1 to ${checkpoint?.treeSize}), root hash (SHA-256) ${checkpoint?.rootHash}, signed ${checkpoint?.time}`,
    ]);
  });

  it('shows the details of a document, with its organisations and a download link', async () => {
    const [finding] = confirmedIn(
      'Letter to Kestrelford Police: continuation of the high intensity partnership',
    );
    const response = await web.client().get(`/documents/${finding?.documentId}`);
    expect(response.statusCode).toBe(200);
    const html = response.body;
    expect(html).toContain(
      '<h1>Letter to Kestrelford Police: continuation of the high intensity partnership</h1>',
    );
    expect(html).toContain('Correspondence (Plain text)');
    expect(html).toContain('10 June 2024');
    expect(html).toContain('FOI-DEMO-2024-0412 (Kestrelford Healthcare NHS Foundation Trust)');
    expect(html).toContain('FOI request');
    expect(html).toContain(
      '<a href="/organisations/DEMO-T02">Kestrelford Healthcare NHS Foundation Trust</a>',
    );
    expect(html).toContain(`<a href="/documents/${finding?.documentId}/original" download>`);
  });

  it('links the source only when it is a web address', async () => {
    const [finding] = confirmedIn('Trust Board, 30 January 2020: SIM service six-month report');
    const html = (await web.client().get(`/documents/${finding?.documentId}`)).body;
    expect(html).toContain(
      '<a href="https://example.org/demo/wrenmoor/board/2020-01-30-item-7.pdf">https://example.org/demo/wrenmoor/board/2020-01-30-item-7.pdf</a>',
    );
    const signedIn = await web.signedIn('vic');
    const memo = (await signedIn.get(`/documents/${privateId}`)).body;
    expect(memo).not.toContain('href="javascript:');
    expect(memo).toContain('javascript:alert(1)</dd>');
  });

  it('highlights each confirmed finding in the text of its page', async () => {
    const confirmed = confirmedIn(
      'Board of Directors, 28 September 2023: Quality and Safety Committee report',
    );
    const documentId = confirmed[0]?.documentId;
    const html = (await web.client().get(`/documents/${documentId}`)).body;
    for (const finding of confirmed) {
      const page = pageSection(html, finding.page ?? 1);
      expect(page).toContain(`<h3 id="page-${finding.page}-heading">Page ${finding.page}</h3>`);
      expect(markOf(page, finding.id)).toBe(escapeLikeNunjucks(finding.excerpt));
    }
    const unconfirmed = findings.filter(
      (finding) => finding.documentId === documentId && finding.status !== 'confirmed',
    );
    for (const finding of unconfirmed) expect(html).not.toContain(`id="finding-${finding.id}"`);
  });

  it('highlights findings of a document without pages on its one page, whole for reviewers', async () => {
    const [finding] = confirmedIn(
      'Letter to Kestrelford Police: continuation of the high intensity partnership',
    );
    if (!finding) throw new Error('No finding');
    expect(finding.page).toBeNull();
    const html = (await (await web.signedIn('rita')).get(`/documents/${finding.documentId}`)).body;
    expect(markOf(pageSection(html, 1), finding.id)).toBe(escapeLikeNunjucks(finding.excerpt));
  });

  it('lists the confirmed findings with redacted excerpts, and hides personal data in the text', async () => {
    const [finding] = confirmedIn(
      'Letter to Kestrelford Police: continuation of the high intensity partnership',
    );
    if (!finding) throw new Error('No finding');
    const redacted = redactExcerpt(finding.excerpt).text;
    const html = (await web.client().get(`/documents/${finding.documentId}`)).body;
    expect(html).toContain(
      `<blockquote class="simwatch-quote"><p>${escapeLikeNunjucks(redacted)}</p>`,
    );
    const mark = markOf(html, finding.id) ?? '';
    expect(mark).toContain('<span class="simwatch-redacted">[name removed]</span>');
    expect(mark.replace(/<[^>]+>/g, '')).toBe(escapeLikeNunjucks(redacted));
    expect(html).not.toContain('John Example');
    expect(html).not.toContain('01632 960 123');
  });

  it('keeps the text and original of a document that is not public from people signed out', async () => {
    const response = await web.client().get(`/documents/${privateId}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Internal memo &lt;b&gt;draft&lt;/b&gt;</h1>');
    expect(response.body).toContain('The text and the original of this document are not published');
    expect(response.body).not.toContain('Text of the document');
    expect(response.body).not.toContain('police officer is embedded');
    expect(response.body).not.toContain('/original');
    const original = await web.client().get(`/documents/${privateId}/original`);
    expect(original.statusCode).toBe(404);
  });

  it('shows the text and original of a document that is not public to signed-in users', async () => {
    const viewer = await web.signedIn('vic');
    const page = await viewer.get(`/documents/${privateId}`);
    expect(page.body).toContain('This document is not public.');
    expect(page.body).toContain(
      'A police officer is embedded in the community mental health team.',
    );
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page.body).not.toContain('<script>alert(1)</script>');
    const original = await viewer.get(`/documents/${privateId}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.body).toBe(privateText);
    expect(original.headers['content-disposition']).toBe('attachment; filename="leaked-memo.txt"');
    expect(original.headers['cache-control']).toBe('private, no-store');
  });

  it('sends the original of a public document as a download of its own bytes', async () => {
    const [finding] = confirmedIn('Trust Board, 30 January 2020: SIM service six-month report');
    const row = await web.deps.database.db
      .selectFrom('documents')
      .select(['sha256'])
      .where('id', '=', finding?.documentId ?? 0)
      .executeTakeFirstOrThrow();
    const response = await web.client().get(`/documents/${finding?.documentId}/original`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="wrenmoor-board-paper-2020-01-item-7.pdf"',
    );
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(createHash('sha256').update(response.rawPayload).digest('hex')).toBe(row.sha256);
  });

  it('answers a clear page, not the bytes, when a stored original is missing or altered', async () => {
    const ids: number[] = [];
    for (const n of [1, 2])
      ids.push(
        (
          await ingestDocument(web.deps, {
            bytes: new TextEncoder().encode(`Minutes ${n}: the panel met and agreed its plans.`),
            fileName: `minutes-${n}.txt`,
            organisationCodes: ['DEMO-T06'],
            docType: 'board_paper',
            actor: 'test',
          })
        ).documentId,
      );
    const [missingId, alteredId] = ids;
    const rows = await web.deps.database.db
      .selectFrom('documents')
      .select(['id', 'sha256'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    const [missing, altered] = rows.map((row) => ({
      ...row,
      path: web.deps.blobs.pathOf(row.sha256),
    }));
    if (!missing || !altered) throw new Error('Both documents were ingested');
    await unlink(missing.path);
    await chmod(altered.path, 0o644);
    await writeFile(altered.path, 'Minutes 2: nothing was agreed.');

    const gone = await web.client().get(`/documents/${missingId}/original`);
    expect(gone.statusCode).toBe(410);
    expect(gone.headers['content-type']).toMatch(/^text\/html/);
    expect(gone.headers['content-disposition']).toBeUndefined();
    expect(gone.headers['cache-control']).toBe('no-store');
    expect(gone.body).toContain('<h1>The original of this document is not available</h1>');
    expect(gone.body).toContain('document’s original file is missing, so it cannot be sent');
    expect(gone.body).toContain(`<code>${missing.sha256}</code>`);
    expect(gone.body).toContain(`<a href="/documents/${missingId}">the document’s page</a>`);

    const changed = await web.client().get(`/documents/${alteredId}/original`);
    expect(changed.statusCode).toBe(410);
    expect(changed.body).not.toContain('nothing was agreed');
    expect(changed.body).toContain('has been changed since it was added to the register');
    expect(changed.body).toContain(`<code>${altered.sha256}</code>`);
    // The document's own page still answers.
    expect((await web.client().get(`/documents/${alteredId}`)).statusCode).toBe(200);
  });

  it.each(['abc', '0', '1.5', '-1', '99999', '99999999999', '1e3'])(
    'answers /documents/%s with a page not found',
    async (id) => {
      const page = await web.client().get(`/documents/${id}`);
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('Page not found');
      expect((await web.client().get(`/documents/${id}/original`)).statusCode).toBe(404);
    },
  );

  it('shows a very long text a bounded part at a time, every part reached by the paging links', async () => {
    // One page of text (a .txt file has no pages) of about 12 parts, with the evidence near its end.
    const lines = Array.from(
      { length: 8_000 },
      (_, index) => `Line ${String(index)} of the ward diary: the weekly routine went as planned.`,
    );
    const evidence = 'A police officer is embedded in the community mental health team.';
    lines.splice(7_900, 0, evidence);
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThan(10 * textPartLimits.maxCharacters);
    const { documentId } = await ingestDocument(web.deps, {
      bytes: new TextEncoder().encode(text),
      fileName: 'ward-diary.txt',
      title: 'Ward diary',
      organisationCodes: ['DEMO-T06'],
      docType: 'correspondence',
      public: true,
      actor: 'test',
    });
    const finding = (await listFindings(web.deps.database.db)).find(
      (each) => each.documentTitle === 'Ward diary' && each.excerpt.includes('police officer'),
    );
    if (!finding) throw new Error('The evidence in the ward diary was not found');
    for (const reviewer of ['rita', 'sam'])
      await decideFinding(web.deps, { findingId: finding.id, reviewer, decision: 'confirm' });

    const shownText: string[] = [];
    const visited: string[] = [];
    let url: string | undefined = `/documents/${String(documentId)}`;
    let findingHref = '';
    while (url !== undefined) {
      visited.push(url);
      const response = await web.client().get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.body.length, url).toBeLessThan(3 * textPartLimits.maxCharacters);
      findingHref ||=
        new RegExp(`href="([^"]*#finding-${String(finding.id)})"`).exec(response.body)?.[1] ?? '';
      const texts = [
        ...response.body.matchAll(/<div class="nhsuk-body simwatch-page-text">([\s\S]*?)<\/div>/g),
      ];
      expect(texts.length, url).toBe(1);
      shownText.push(
        (texts[0]?.[1] ?? '')
          .replace(/<[^>]+>/g, '')
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"'),
      );
      const next = /<a href="([^"]+)" class="nhsuk-pagination__next"/.exec(response.body)?.[1];
      url = next?.replace(/&amp;/g, '&').replace(/#.*$/, '');
      expect(visited.length).toBeLessThan(20);
    }
    expect(visited.length).toBeGreaterThan(10);
    expect(shownText.join('')).toBe(text);
    // The finding's link in the list leads to the part whose text highlights it.
    const [findingPath] = findingHref.split('#');
    expect(findingPath).toMatch(new RegExp(`^/documents/${String(documentId)}\\?part=\\d+$`));
    const partWithFinding = await web.client().get(findingPath ?? '');
    expect(markOf(partWithFinding.body, finding.id)).toContain('police officer');
    // So does the lasting link the feed gives; a finding not confirmed has none.
    const lasting = await web
      .client()
      .get(`/documents/${String(documentId)}/findings/${String(finding.id)}`);
    expect(lasting.statusCode).toBe(303);
    expect(lasting.headers.location).toBe(findingHref);
    const pending = findings.find((each) => each.status === 'pending');
    expect(
      (
        await web
          .client()
          .get(
            `/documents/${String(pending?.documentId ?? 1)}/findings/${String(pending?.id ?? 0)}`,
          )
      ).statusCode,
    ).toBe(404);
    expect(partWithFinding.body).toMatch(/This is part \d+: page 1\./);
    // Parts that do not exist are not found, not empty.
    for (const part of ['0', '99', 'x', '01'])
      expect(
        (await web.client().get(`/documents/${String(documentId)}?part=${part}`)).statusCode,
        part,
      ).toBe(404);
  }, 60_000);
});

import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeScannedPdf } from '../../ocr/scanned-pages/make-scanned-page.js';
import { ingestDocument } from '../../register/documents/ingest-document.js';
import { listFindings } from '../../register/findings/triage-repository.js';
import { decideFinding } from '../../register/findings/findings-service.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { findUploadJob, insertUploadJob } from '../../uploads/upload-jobs-repository.js';
import { createTestWebApp, testUsers, type TestWebApp } from '../test-support/web-test-app.js';
import { stageUpload } from '../workspace/uploads/stage-upload.js';

const scannedReply = [
  'Freedom of Information reply from Northmoor. Thank you for your request about the crisis pathway.',
  'A specialist police officer joins the community mental health team and works alongside a named care coordinator for each person.',
];

const ocrNote = /Text read by OCR \(Tesseract, confidence \d{1,3}%\); it may hold reading errors/;

/** The HTML of page `number`'s section of a document page. */
function pageSection(html: string, number: number): string {
  const pattern = new RegExp(
    `<section class="simwatch-page" id="page-${number}"[\\s\\S]*?</section>`,
  );
  return pattern.exec(html)?.[0] ?? '';
}

describe('pages read by OCR, on the pages people read', () => {
  let web: TestWebApp;
  let documentId: number;

  beforeAll(async () => {
    web = await createTestWebApp();
    await importOrganisations(web.deps, [northmoorTrust], 'test');
    documentId = (
      await ingestDocument(web.deps, {
        bytes: await makeScannedPdf(scannedReply),
        fileName: 'scanned-reply.pdf',
        organisationCodes: ['ZZT1'],
        docType: 'correspondence',
        obtained: 'FOI request',
        actor: 'test',
      })
    ).documentId;
  }, 180_000);
  afterAll(() => web.cleanUp());

  const policeFinding = async () => {
    const found = (await listFindings(web.deps.database.db)).find(
      (finding) => finding.documentId === documentId && finding.label === 'police_in_care',
    );
    if (!found) throw new Error('The planted sentence gave no police-in-care finding');
    return found;
  };

  it('the document page marks each page read by OCR, with the engine and its confidence', async () => {
    const html = (await web.client().get(`/documents/${documentId}`)).body;
    expect(pageSection(html, 1)).toMatch(ocrNote);
    expect(pageSection(html, 2)).toMatch(ocrNote);
    expect(pageSection(html, 2)).toContain('specialist police officer joins');
    expect(html).toMatch(/<dd class="nhsuk-summary-list__value">2, 2 read by OCR<\/dd>/);
    expect(html).not.toContain('data-testid="unread-pages"');
  });

  it('the triage queue and the finding page mark a finding on an OCR page', async () => {
    const finding = await policeFinding();
    const reviewer = await web.signedIn(testUsers.reviewer.username);
    const queue = (await reviewer.get(`/workspace/findings?document=${documentId}`)).body;
    expect(queue).toMatch(/data-testid="finding-ocr">Text read by OCR \(Tesseract, confidence/);
    const page = (await reviewer.get(`/workspace/findings/${finding.id}`)).body;
    const note = /data-testid="finding-ocr">([^<]*)</.exec(page)?.[1] ?? '';
    expect(note).toMatch(ocrNote);
    expect(note).toContain(`confidence ${String(Math.round(finding.ocr?.confidence ?? -1))}%`);
  });

  it('confirmed evidence from an OCR page says so on the public document page', async () => {
    const finding = await policeFinding();
    for (const reviewer of [testUsers.reviewer, testUsers.secondReviewer])
      await decideFinding(web.deps, {
        findingId: finding.id,
        reviewer: reviewer.username,
        decision: 'confirm',
      });
    const html = (await web.client().get(`/documents/${documentId}`)).body;
    const evidence = /<h2 id="evidence">[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '';
    expect(evidence).toContain('Evidence of');
    expect(evidence).toMatch(/data-testid="finding-ocr">Text read by OCR \(Tesseract/);
  });

  it('search results mark a page read by OCR', async () => {
    const html = (await web.client().get('/search?q=coordinator')).body;
    expect(html).toContain(`/documents/${documentId}#page-2`);
    expect(html).toMatch(/data-testid="search-ocr">Text read by OCR \(Tesseract/);
  });
});

describe('pages not read, on the pages people read', () => {
  let web: TestWebApp;

  beforeAll(async () => {
    // OCR turned off by the register's configuration, which web uploads follow.
    web = await createTestWebApp({ env: { SIMWATCH_OCR: 'off' } });
    await importOrganisations(web.deps, [northmoorTrust], 'test');
  }, 120_000);
  afterAll(() => web.cleanUp());

  it('an upload with pages that could not be read is never reported as clean', async () => {
    const id = randomUUID();
    const stagedPath = await stageUpload(
      web.deps.config.web.uploadsDir,
      await makeScannedPdf(scannedReply),
    );
    const details = {
      title: 'Scanned reply',
      docType: 'correspondence' as const,
      organisationCodes: ['ZZT1'],
      documentDate: null,
      source: null,
      obtained: null,
      public: true,
    };
    await insertUploadJob(
      web.deps.database.db,
      { id, username: testUsers.reviewer.username, fileName: 'scan.pdf', stagedPath },
      details,
      new Date(),
    );
    web.deps.uploadQueue.wake();
    await web.deps.uploadQueue.idle();
    const job = await findUploadJob(web.deps.database.db, id);
    expect(job).toMatchObject({ state: 'done', findings: 0, unreadPages: 2 });
    expect(job?.message).toContain(
      '2 pages could not be read, so they were not screened: the document is not known to be clean.',
    );
    const reviewer = await web.signedIn(testUsers.reviewer.username);
    const uploads = (await reviewer.get('/workspace/uploads')).body;
    expect(uploads).toContain('Screened: no findings, 2 pages not read');
    expect(uploads).not.toMatch(/Screened: no findings</);

    const html = (await web.client().get(`/documents/${job?.documentId ?? 0}`)).body;
    const notice = /data-testid="unread-pages">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? '';
    expect(notice).toContain('Not every page could be read');
    expect(notice).toContain(
      '2 pages could not be read, so this document is not known to be clean',
    );
    expect(html).toMatch(/<dd class="nhsuk-summary-list__value">2, 2 pages not read<\/dd>/);
    expect(html).not.toContain('Text read by OCR');
  }, 120_000);

  it('a document whose pages all had text says nothing of unread pages or OCR', async () => {
    const { documentId } = await ingestDocument(web.deps, {
      bytes: new TextEncoder().encode('Board paper\n\nThe crisis pathway is reviewed every year.'),
      fileName: 'board-paper.txt',
      organisationCodes: ['ZZT1'],
      docType: 'board_paper',
      actor: 'test',
    });
    const html = (await web.client().get(`/documents/${documentId}`)).body;
    expect(html).not.toContain('data-testid="unread-pages"');
    expect(html).not.toContain('not read');
    expect(html).not.toContain('Text read by OCR');
  });
});

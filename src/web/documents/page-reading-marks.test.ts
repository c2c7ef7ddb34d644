import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeScannedPdf } from '../../ocr/scanned-pages/make-scanned-page.js';
import { ingestDocument } from '../../register/documents/ingest-document.js';
import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

const scannedLetter = [
  'Freedom of Information reply from Northmoor. Thank you for your request.',
  'The crisis pathway is reviewed every year by the board.',
];

describe('pages not read, on the pages people read', () => {
  let web: TestWebApp;
  let unreadId: number;

  beforeAll(async () => {
    web = await createTestWebApp();
    await importOrganisations(web.deps, [northmoorTrust], 'test');
    unreadId = (
      await ingestDocument(web.deps, {
        bytes: await makeScannedPdf(scannedLetter),
        fileName: 'scanned-letter.pdf',
        organisationCodes: ['ZZT1'],
        docType: 'correspondence',
        ocr: false,
        actor: 'test',
      })
    ).documentId;
  }, 120_000);
  afterAll(() => web.cleanUp());

  it('a document with pages that could not be read says it is not known to be clean', async () => {
    const html = (await web.client().get(`/documents/${unreadId}`)).body;
    const notice = /data-testid="unread-pages">([\s\S]*?)<\/div>\s*<\/div>/.exec(html)?.[1] ?? '';
    expect(notice).toContain('Not every page could be read');
    expect(notice).toContain(
      '2 pages could not be read, so this document is not known to be clean',
    );
    expect(html).toMatch(/<dd class="nhsuk-summary-list__value">2, 2 pages not read<\/dd>/);
    expect(html).not.toContain('Text read by OCR');
  });

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

import { describe, expect, it } from 'vitest';

import { makeScannedPdf } from '../../ocr/scanned-pages/make-scanned-page.js';
import { createDatabase } from '../../store/create-database.js';
import { readAllEvents } from '../../store/record-repository.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { searchDocuments } from '../../search/search-documents.js';
import { listFindings } from '../findings/triage-repository.js';
import { dumpState } from '../ledger/dump-state.js';
import { replayRecord } from '../ledger/replay-record.js';
import { useTestRegister } from '../test-support/test-register.js';
import { ingestDocument } from './ingest-document.js';

const scannedReply = [
  'Freedom of Information reply. Thank you for your request about the crisis pathway.',
  'A specialist police officer joins the community mental health team and works alongside a named care coordinator for each person.',
];

for (const database of testDatabases()) {
  describe(`ingesting a scanned document on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    async function ingestScan(options: { ocr?: boolean }) {
      return ingestDocument(register.deps(), {
        bytes: await makeScannedPdf(scannedReply),
        fileName: 'reply.pdf',
        organisationCodes: ['ZZT1'],
        docType: 'other',
        obtained: 'FOI request',
        actor: 'ana',
        ...options,
      });
    }

    it('reads a scanned reply by OCR: the planted sentence is a pending finding on its page, marked OCR, and searchable', async () => {
      const result = await ingestScan({});
      expect(result).toMatchObject({ pages: 2, ocrPages: 2, unreadPages: 0 });
      expect(result.ocrConfidence).toBeGreaterThan(70);
      expect(result.findings).toBeGreaterThanOrEqual(1);
      const pages = await db()
        .selectFrom('document_pages')
        .select(['page_number', 'text', 'ocr_engine', 'ocr_confidence'])
        .where('document_id', '=', result.documentId)
        .orderBy('position')
        .execute();
      expect(pages.map((page) => page.ocr_engine)).toEqual([
        expect.stringMatching(/^tesseract/) as unknown,
        expect.stringMatching(/^tesseract/) as unknown,
      ]);
      expect(pages[1]?.text).toMatch(/specialist police officer joins the community mental health/);
      const unread = await db()
        .selectFrom('documents')
        .select('unread_pages')
        .where('id', '=', result.documentId)
        .executeTakeFirstOrThrow();
      expect(unread.unread_pages).toBe(0);

      const findings = (await listFindings(db(), { status: 'pending' })).filter(
        (finding) => finding.documentId === result.documentId,
      );
      const police = findings.find((finding) => finding.label === 'police_in_care');
      expect(police).toMatchObject({
        page: 2,
        ocr: { engine: expect.stringMatching(/^tesseract/) as unknown },
      });
      expect(police?.ocr?.confidence).toBe(pages[1]?.ocr_confidence);

      const found = await searchDocuments(register.deps().database, {
        text: 'coordinator',
        signedIn: true,
      });
      expect(found.results).toMatchObject([
        {
          documentId: result.documentId,
          pageNumber: 2,
          ocr: { engine: expect.stringMatching(/^tesseract/) as unknown },
        },
      ]);
    });

    it('records the pages OCR could not read when OCR is off, so the document is not called clean', async () => {
      const result = await ingestScan({ ocr: false });
      expect(result).toMatchObject({ pages: 2, findings: 0, ocrPages: 0, unreadPages: 2 });
      expect(result.warnings.map((warning) => warning.code)).toEqual(['needs_ocr', 'needs_ocr']);
      const row = await db()
        .selectFrom('documents')
        .select('unread_pages')
        .where('id', '=', result.documentId)
        .executeTakeFirstOrThrow();
      expect(row.unread_pages).toBe(2);
      const pages = await db()
        .selectFrom('document_pages')
        .select(['ocr_engine', 'ocr_confidence'])
        .where('document_id', '=', result.documentId)
        .execute();
      expect(pages).toEqual([
        { ocr_engine: null, ocr_confidence: null },
        { ocr_engine: null, ocr_confidence: null },
      ]);
    });

    it('rebuilds the unread count and the OCR marks from the record', async () => {
      await ingestScan({ ocr: false });
      const deps = register.deps();
      const scratch = await createDatabase({
        ...deps.config,
        sqlitePath: ':memory:',
        databaseUrl: undefined,
      });
      try {
        await replayRecord(scratch.db, await readAllEvents(db()));
        expect(await dumpState(scratch.db)).toEqual(await dumpState(db()));
      } finally {
        await scratch.db.destroy();
      }
    });
  });
}

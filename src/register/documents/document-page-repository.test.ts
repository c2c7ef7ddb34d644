import { describe, expect, it } from 'vitest';

import { makeTextPdf } from '../../extract/test-support/make-pdf.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { decideFinding } from '../findings/findings-service.js';
import { listFindings } from '../findings/triage-repository.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  rejectFinding,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import {
  findConfirmedFinding,
  findStoredDocument,
  listConfirmedFindings,
  listDocumentOrganisations,
  listPageLengths,
  readPageTexts,
} from './document-page-repository.js';
import { ingestDocument } from './ingest-document.js';

const [, , police, , callers] = northmoorPolicy.split('\n');
const pages = [
  `Crisis pathway policy, page one. ${callers ?? ''}`,
  `Page two. ${police ?? ''}`,
  'Page three: the pathway is reviewed every year.',
];

for (const database of testDatabases()) {
  describe(`document page repository on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    /** A three-page PDF filed under both trusts: callers on page 1, the police officer on page 2. */
    async function addPdf() {
      const result = await ingestDocument(register.deps(), {
        bytes: await makeTextPdf(pages),
        fileName: 'pathway.pdf',
        title: 'Crisis pathway',
        organisationCodes: ['ZZT2', 'ZZT1'],
        docType: 'policy',
        documentDate: '2025-06-01',
        actor: 'ana',
      });
      return result.documentId;
    }

    it('findStoredDocument() reads a document, or undefined when there is none', async () => {
      const id = await addTextDocument(register.deps(), westmoorPaper, { title: 'Plan' });
      expect(await findStoredDocument(db(), id)).toMatchObject({
        id,
        title: 'Plan',
        doc_type: 'policy',
        document_date: '2025-06-01',
      });
      expect(await findStoredDocument(db(), id + 1)).toBeUndefined();
    });

    it('listDocumentOrganisations() lists the organisations a document is filed under, by name', async () => {
      const id = await addPdf();
      expect(await listDocumentOrganisations(db(), id)).toEqual([
        { code: 'ZZT1', name: 'Northmoor Mental Health NHS Trust' },
        { code: 'ZZT2', name: 'Westmoor Partnership NHS Trust' },
      ]);
      expect(await listDocumentOrganisations(db(), id + 1)).toEqual([]);
    });

    it('listPageLengths() gives each page its length in characters, in order', async () => {
      const id = await addPdf();
      const lengths = await listPageLengths(db(), id);
      expect(lengths.map(({ position, pageNumber }) => [position, pageNumber])).toEqual([
        [1, 1],
        [2, 2],
        [3, 3],
      ]);
      const texts = await readPageTexts(db(), id, [1, 2, 3]);
      // Characters, not bytes: page one has a pound sign.
      expect(texts.get(1)).toContain('£');
      expect(lengths.map((page) => page.length)).toEqual(
        [1, 2, 3].map((p) => texts.get(p)?.length),
      );
      expect(await listPageLengths(db(), id + 1)).toEqual([]);
    });

    it('readPageTexts() reads only the pages asked for', async () => {
      const id = await addPdf();
      await addTextDocument(register.deps(), westmoorPaper);
      const texts = await readPageTexts(db(), id, [3, 1]);
      expect([...texts.keys()].sort()).toEqual([1, 3]);
      expect(texts.get(1)).toContain('Crisis pathway policy, page one');
      expect(texts.get(3)).toContain('Page three');
      expect(await readPageTexts(db(), id, [])).toEqual(new Map());
      expect(await readPageTexts(db(), id, [7])).toEqual(new Map());
    });

    it('listConfirmedFindings() lists only confirmed findings, in the order of the text', async () => {
      const deps = register.deps();
      const id = await addPdf();
      const findings = (await listFindings(db())).filter((f) => f.documentId === id);
      const onPage = (page: number) => findings.find((f) => f.page === page);
      const [first, second] = [onPage(1), onPage(2)];
      if (!first || !second) throw new Error('expected findings on pages 1 and 2');
      expect(await listConfirmedFindings(db(), id)).toEqual([]);
      await confirmFinding(deps, second.id);
      await confirmFinding(deps, first.id);
      const listed = await listConfirmedFindings(db(), id);
      expect(listed.map((f) => f.id)).toEqual([first.id, second.id]);
      expect(listed[1]).toEqual({
        id: second.id,
        label: second.label,
        reason: second.reason,
        excerpt: second.excerpt,
        page_number: 2,
        start_offset: expect.any(Number) as unknown,
        end_offset: expect.any(Number) as unknown,
        // A page with a text layer: not read by OCR.
        ocr_engine: null,
        ocr_confidence: null,
      });
      await rejectFinding(deps, second.id);
      expect((await listConfirmedFindings(db(), id)).map((f) => f.id)).toEqual([first.id]);
    });

    it('listConfirmedFindings() leaves out pending findings and other documents', async () => {
      const deps = register.deps();
      const id = await addTextDocument(deps, northmoorPolicy);
      const other = await addTextDocument(deps, westmoorPaper);
      const findings = await listFindings(db());
      const [police, callers] = findings.filter((f) => f.documentId === id);
      const [otherFinding] = findings.filter((f) => f.documentId === other);
      if (!police || !callers || !otherFinding) throw new Error('expected three findings');
      await decideFinding(deps, { findingId: police.id, reviewer: 'ana', decision: 'confirm' });
      await confirmFinding(deps, callers.id);
      await confirmFinding(deps, otherFinding.id);
      expect((await listConfirmedFindings(db(), id)).map((f) => f.id)).toEqual([callers.id]);
    });

    it('findConfirmedFinding() says where a confirmed finding of the document is, and only that', async () => {
      const deps = register.deps();
      const id = await addPdf();
      const other = await addTextDocument(deps, westmoorPaper);
      const findings = await listFindings(db());
      const second = findings.find((f) => f.documentId === id && f.page === 2);
      const first = findings.find((f) => f.documentId === id && f.page === 1);
      const otherFinding = findings.find((f) => f.documentId === other);
      if (!first || !second || !otherFinding) throw new Error('expected three findings');
      await confirmFinding(deps, second.id);
      await confirmFinding(deps, otherFinding.id);
      const [listed] = await listConfirmedFindings(db(), id);
      expect(await findConfirmedFinding(db(), id, second.id)).toEqual({
        page_number: 2,
        start_offset: listed?.start_offset,
      });
      // Pending, and confirmed but of another document.
      expect(await findConfirmedFinding(db(), id, first.id)).toBeUndefined();
      expect(await findConfirmedFinding(db(), id, otherFinding.id)).toBeUndefined();
    });
  });
}

import { describe, expect, it } from 'vitest';

import { SimwatchError } from '../../errors.js';
import { testDatabases } from '../../test-support/register-databases.js';
import {
  addTextDocument,
  northmoorPolicy,
  useTestRegister,
  westmoorPaper,
} from '../test-support/test-register.js';
import {
  documentExists,
  findDocumentDetails,
  findDocumentOriginal,
  getDocumentDetails,
  listDocumentEdits,
  listDocumentAddedTimes,
  listDocumentOwners,
} from './documents-repository.js';
import { editDocument } from './edit-document.js';

for (const database of testDatabases()) {
  describe(`the documents reads on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    it('finds a document with its details and its organisations by name', async () => {
      const id = await addTextDocument(register.deps(), northmoorPolicy, {
        title: 'Crisis pathway',
        organisationCodes: ['ZZT2', 'ZZT1'],
        source: 'FOI 2025/3',
        public: false,
      });
      expect(await findDocumentDetails(db(), id)).toEqual({
        id,
        title: 'Crisis pathway',
        documentDate: '2025-06-01',
        source: 'FOI 2025/3',
        public: false,
        addedBy: 'ana',
        addedAt: '2026-11-20T10:00:00.000Z',
        organisations: [
          {
            id: expect.any(Number) as unknown,
            code: 'ZZT1',
            name: 'Northmoor Mental Health NHS Trust',
          },
          {
            id: expect.any(Number) as unknown,
            code: 'ZZT2',
            name: 'Westmoor Partnership NHS Trust',
          },
        ],
      });
      expect(await documentExists(db(), id)).toBe(true);
    });

    it('returns undefined for a missing document, and getDocumentDetails() says not found', async () => {
      expect(await findDocumentDetails(db(), 42)).toBeUndefined();
      expect(await findDocumentOriginal(db(), 42)).toBeUndefined();
      expect(await documentExists(db(), 42)).toBe(false);
      const error = await getDocumentDetails(db(), 42).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SimwatchError);
      expect(error).toMatchObject({ code: 'not_found', message: 'Cannot find document 42' });
    });

    it("finds a document's stored original and whether it may be downloaded", async () => {
      const id = await addTextDocument(register.deps(), westmoorPaper, { public: false });
      const original = await findDocumentOriginal(db(), id);
      expect(original).toMatchObject({ id, fileName: 'paper.txt', public: false });
      expect(original?.mediaType).toBe('text');
      const stored = await register.deps().blobs.find(original?.sha256 ?? '');
      expect(stored?.toString('utf8')).toBe(westmoorPaper);
    });

    it('lists the corrections of one document, oldest first, naming the organisations linked', async () => {
      const deps = register.deps();
      const id = await addTextDocument(deps, northmoorPolicy);
      const other = await addTextDocument(deps, westmoorPaper);
      register.setTime('2026-11-21T10:00:00Z');
      await editDocument(deps, { documentId: id, title: 'Crisis pathway', reason: 'Typo' }, 'ana');
      await editDocument(deps, { documentId: other, title: 'Plan', reason: 'Typo' }, 'ana');
      register.setTime('2026-11-22T10:00:00Z');
      await editDocument(
        deps,
        { documentId: id, linkOrganisationCodes: ['ZZT2'], reason: 'Joint paper' },
        'ben',
      );
      const edits = await listDocumentEdits(db(), id);
      expect(edits).toMatchObject([
        {
          time: '2026-11-21T10:00:00.000Z',
          editedBy: 'ana',
          reason: 'Typo',
          changes: { title: { to: 'Crisis pathway' } },
          linked: [],
        },
        {
          time: '2026-11-22T10:00:00.000Z',
          editedBy: 'ben',
          reason: 'Joint paper',
          linked: [{ code: 'ZZT2', name: 'Westmoor Partnership NHS Trust' }],
          unlinked: [],
        },
      ]);
      expect(edits[0]?.seq).toBeLessThan(edits[1]?.seq ?? 0);
      expect(await listDocumentEdits(db(), 42)).toEqual([]);
    });

    it('lists the organisations of several documents at once, by name or by code', async () => {
      const deps = register.deps();
      const first = await addTextDocument(deps, northmoorPolicy, {
        organisationCodes: ['ZZT1', 'ZZT2'],
      });
      const second = await addTextDocument(deps, westmoorPaper, { organisationCodes: ['ZZT2'] });
      const owners = (orderBy: 'name' | 'code') =>
        listDocumentOwners(db(), [first, second, first], orderBy).then((rows) =>
          rows.filter((row) => row.document_id === first).map((row) => row.code),
        );
      expect(await owners('code')).toEqual(['ZZT1', 'ZZT2']);
      // "Northmoor..." sorts before "Westmoor..." too: rename one to tell the orders apart.
      await register
        .deps()
        .database.db.updateTable('organisations')
        .set({ name: 'Aardvark Trust' })
        .where('code', '=', 'ZZT2')
        .execute();
      expect(await owners('name')).toEqual(['ZZT2', 'ZZT1']);
      expect(await owners('code')).toEqual(['ZZT1', 'ZZT2']);
      const all = await listDocumentOwners(db(), [first, second, first]);
      expect(all).toHaveLength(3);
      expect(await listDocumentOwners(db(), [])).toEqual([]);
    });

    it('gives when each of several documents was added', async () => {
      register.setTime('2026-11-20T09:00:00.000Z');
      const first = await addTextDocument(register.deps(), northmoorPolicy);
      register.setTime('2026-11-21T09:00:00.000Z');
      const second = await addTextDocument(register.deps(), westmoorPaper);
      const times = await listDocumentAddedTimes(db(), [second, first, second]);
      expect([...times].sort((a, b) => a[0] - b[0])).toEqual([
        [first, '2026-11-20T09:00:00.000Z'],
        [second, '2026-11-21T09:00:00.000Z'],
      ]);
      expect(await listDocumentAddedTimes(db(), [])).toEqual(new Map());
    });
  });
}

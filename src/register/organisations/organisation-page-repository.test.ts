import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { listFindings } from '../findings/triage-repository.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  useTestRegister,
  westmoorPaper,
  westmoorTrust,
} from '../test-support/test-register.js';
import { readOrganisationRecord } from './organisation-page-repository.js';
import { importOrganisations, linkOrganisations } from './organisations-service.js';

for (const database of testDatabases()) {
  describe(`readOrganisationRecord() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    it("lists an organisation's documents newest first, undated last, and no one else's", async () => {
      const deps = register.deps();
      const june = await addTextDocument(deps, northmoorPolicy, { title: 'June policy' });
      const undated = await addTextDocument(deps, 'Minutes of the board', {
        title: 'Minutes',
        documentDate: null,
      });
      const february = await addTextDocument(deps, westmoorPaper, {
        title: 'February plan',
        documentDate: '2026-02-01',
        docType: 'board_paper',
      });
      // Same date as the June policy: the later one comes first.
      const alsoJune = await addTextDocument(deps, 'Another June paper', { title: 'Also June' });
      await addTextDocument(deps, 'Westmoor only', { organisationCodes: ['ZZT2'] });
      const record = await readOrganisationRecord(db(), 'ZZT1');
      expect(record?.documents.map((document) => document.id)).toEqual([
        february,
        alsoJune,
        june,
        undated,
      ]);
      expect(record?.documents[0]).toEqual({
        id: february,
        title: 'February plan',
        docType: 'board_paper',
        date: '2026-02-01',
      });
      expect((await readOrganisationRecord(db(), 'ZZT2'))?.documents).toHaveLength(1);
    });

    it('reads the reasons of its confirmed evidence only', async () => {
      const deps = register.deps();
      await addTextDocument(deps, northmoorPolicy);
      const [police, callers] = await listFindings(db());
      if (!police || !callers) throw new Error('expected two findings');
      await confirmFinding(deps, police.id);
      const record = await readOrganisationRecord(db(), 'ZZT1');
      expect(record?.facts.evidence.map((evidence) => evidence.findingId)).toEqual([police.id]);
      expect([...(record?.findingReasons ?? [])]).toEqual([[police.id, police.reason]]);
      expect((await readOrganisationRecord(db(), 'ZZT2'))?.findingReasons.size).toBe(0);
    });

    it('says where each of its assurances was stated, a document or a reference', async () => {
      const deps = register.deps();
      const letter = await addTextDocument(deps, 'Letter from the chief executive', {
        title: 'Letter',
      });
      const assurance = {
        organisationCode: 'ZZT1',
        givenOn: '2026-01-10',
        givenBy: 'Chief executive',
        scope: 'never_used',
        text: 'The trust has never used the model.',
      };
      const inLetter = await recordAssurance(
        deps,
        { ...assurance, sourceDocumentId: letter },
        'ana',
      );
      const online = await recordAssurance(
        deps,
        { ...assurance, source: 'https://example.org/statement' },
        'ana',
      );
      await recordAssurance(
        deps,
        { ...assurance, organisationCode: 'ZZT2', source: 'FOI 12' },
        'ana',
      );
      const record = await readOrganisationRecord(db(), 'ZZT1');
      expect(record?.assuranceSources).toEqual(
        new Map([
          [inLetter, { documentTitle: 'Letter', source: null }],
          [online, { documentTitle: null, source: 'https://example.org/statement' }],
        ]),
      );
    });

    it('reads its former names, source and links', async () => {
      const deps = register.deps();
      await importOrganisations(
        deps,
        [
          {
            ...westmoorTrust,
            name: 'Westmoor and Fen NHS Trust',
            sourceUrl: 'https://example.org/westmoor',
          },
        ],
        'tester',
      );
      await linkOrganisations(
        deps,
        { code: 'ZZT1', linkedCode: 'ZZT2', relation: 'commissions' },
        'ana',
      );
      const record = await readOrganisationRecord(db(), 'ZZT2');
      expect(record).toMatchObject({
        facts: { organisation: { code: 'ZZT2', name: 'Westmoor and Fen NHS Trust' } },
        formerNames: [westmoorTrust.name],
        sourceUrl: 'https://example.org/westmoor',
        links: [
          {
            outgoing: false,
            relation: 'commissions',
            otherCode: 'ZZT1',
            otherName: 'Northmoor Mental Health NHS Trust',
          },
        ],
        documents: [],
      });
    });

    it('returns undefined when no organisation has the code', async () => {
      expect(await readOrganisationRecord(db(), 'NOPE')).toBeUndefined();
    });
  });
}

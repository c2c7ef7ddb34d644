import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { recordAssurance } from '../assurances/assurances-service.js';
import { listFindings } from '../findings/triage-repository.js';
import { loadOrganisationFacts } from '../load-organisation-facts.js';
import { deriveStatus } from '../status/derive-status.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  useTestRegister,
  westmoorTrust,
} from '../test-support/test-register.js';
import { readOrganisationRecord } from './organisation-page-repository.js';
import { importOrganisations } from './organisations-service.js';

// ZZP0 closed into ZZP1, which closed into ZZT2 (Westmoor); ZZP9 is open but handed work to ZZT2.
const predecessors = [
  { code: 'ZZP0', name: 'Oldest Moor NHS Trust', closed: '2019-03-31', successorCodes: ['ZZP1'] },
  { code: 'ZZP1', name: 'Oldmoor NHS Trust', closed: '2026-03-31', successorCodes: ['ZZT2'] },
  { code: 'ZZP9', name: 'Moorside NHS Trust', closed: null, successorCodes: ['ZZT2'] },
].map((each) => ({ ...westmoorTrust, ...each }));

for (const database of testDatabases()) {
  describe(`evidence about predecessors on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    async function confirmedPolicyOf(code: string): Promise<number[]> {
      // A different text for each, so that each is a document of its own.
      const documentId = await addTextDocument(register.deps(), `${northmoorPolicy}\n\n${code}`, {
        organisationCodes: [code],
      });
      const findings = (await listFindings(db())).filter(
        (finding) => finding.documentId === documentId && finding.label !== 'assurance',
      );
      for (const finding of findings) await confirmFinding(register.deps(), finding.id);
      return findings.map((finding) => finding.id);
    }

    it("counts a closed predecessor's confirmed evidence in its successor's status, saying where it came from", async () => {
      await importOrganisations(register.deps(), predecessors, 'tester');
      const findingIds = await confirmedPolicyOf('ZZP1');
      expect(findingIds.length).toBeGreaterThan(0);

      const [westmoor] = await loadOrganisationFacts(db(), 'ZZT2');
      expect(westmoor?.evidence.map((each) => each.findingId)).toEqual(findingIds);
      expect(westmoor?.evidence[0]?.inheritedFrom).toEqual({
        code: 'ZZP1',
        name: 'Oldmoor NHS Trust',
        closed: '2026-03-31',
      });
      const status = westmoor && deriveStatus(westmoor);
      expect(status?.status).toBe('continuing');
      expect(status?.reasons[0]?.text).toContain(
        'about Oldmoor NHS Trust (ZZP1), which closed on 2026-03-31 and whose work this organisation took over,',
      );

      // Read for every organisation at once, the same; the predecessor keeps it as its own.
      const all = await loadOrganisationFacts(db());
      const byCode = new Map(all.map((facts) => [facts.organisation.code, facts]));
      expect(byCode.get('ZZT2')?.evidence).toEqual(westmoor?.evidence);
      expect(byCode.get('ZZP1')?.evidence.every((each) => !each.inheritedFrom)).toBe(true);
      expect(byCode.get('ZZP1')?.evidence).toHaveLength(findingIds.length);
      expect(byCode.get('ZZT1')?.evidence).toEqual([]);
    });

    it("does not hold a predecessor's evidence against a successor's assurance that it never used the scheme", async () => {
      await importOrganisations(register.deps(), predecessors, 'tester');
      await confirmedPolicyOf('ZZP1');
      await recordAssurance(
        register.deps(),
        {
          organisationCode: 'ZZT2',
          givenOn: '2026-05-01',
          givenBy: 'Chief executive',
          scope: 'never_used',
          text: 'This trust has never used SIM.',
          source: 'https://example.org/westmoor/assurance',
        },
        'ana',
      );
      const [westmoor] = await loadOrganisationFacts(db(), 'ZZT2');
      const status = westmoor && deriveStatus(westmoor);
      expect(status?.contradictions).toEqual([]);
      expect(status?.status).toBe('continuing');
    });

    it('follows a chain of closures, and leaves out what an open organisation handed on', async () => {
      await importOrganisations(register.deps(), predecessors, 'tester');
      const oldest = await confirmedPolicyOf('ZZP0');
      await confirmedPolicyOf('ZZP9');
      const [westmoor] = await loadOrganisationFacts(db(), 'ZZT2');
      expect(westmoor?.evidence.map((each) => each.findingId)).toEqual(oldest);
      expect(westmoor?.evidence.every((each) => each.inheritedFrom?.code === 'ZZP0')).toBe(true);
      const [oldmoor] = await loadOrganisationFacts(db(), 'ZZP1');
      expect(oldmoor?.evidence.map((each) => each.findingId)).toEqual(oldest);
    });

    it("keeps evidence filed under both a predecessor and its successor once, as the successor's own", async () => {
      await importOrganisations(register.deps(), predecessors, 'tester');
      const documentId = await addTextDocument(register.deps(), northmoorPolicy, {
        organisationCodes: ['ZZP1', 'ZZT2'],
      });
      const findings = (await listFindings(db())).filter(
        (finding) => finding.documentId === documentId && finding.label !== 'assurance',
      );
      for (const finding of findings) await confirmFinding(register.deps(), finding.id);
      const [westmoor] = await loadOrganisationFacts(db(), 'ZZT2');
      expect(westmoor?.evidence).toHaveLength(findings.length);
      expect(westmoor?.evidence.every((each) => !each.inheritedFrom)).toBe(true);
    });

    it('readOrganisationRecord() names successors, predecessors and the ICB', async () => {
      await importOrganisations(
        register.deps(),
        [
          ...predecessors,
          {
            ...westmoorTrust,
            code: 'ZZI1',
            name: 'NHS Moorland ICB',
            kind: 'integrated_care_board',
          },
          { ...westmoorTrust, icbCode: 'ZZI1', opened: '2006-04-01' },
        ],
        'tester',
      );
      const westmoor = await readOrganisationRecord(db(), 'ZZT2');
      expect(westmoor?.lifecycle).toEqual({
        opened: '2006-04-01',
        closed: null,
        icb: { code: 'ZZI1', name: 'NHS Moorland ICB' },
        successors: [],
        predecessors: [
          { code: 'ZZP9', name: 'Moorside NHS Trust', closed: null },
          { code: 'ZZP1', name: 'Oldmoor NHS Trust', closed: '2026-03-31' },
        ],
      });
      const oldmoor = await readOrganisationRecord(db(), 'ZZP1');
      expect(oldmoor?.lifecycle).toMatchObject({
        closed: '2026-03-31',
        successors: [{ code: 'ZZT2', name: 'Westmoor Partnership NHS Trust' }],
        predecessors: [{ code: 'ZZP0', name: 'Oldest Moor NHS Trust', closed: '2019-03-31' }],
      });
    });
  });
}

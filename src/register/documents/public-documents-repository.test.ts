import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { listFindings } from '../findings/triage-repository.js';
import {
  addTextDocument,
  confirmFinding,
  northmoorPolicy,
  useTestRegister,
} from '../test-support/test-register.js';
import { findPublicDocument } from './public-documents-repository.js';

for (const database of testDatabases()) {
  describe(`findPublicDocument() on ${database.name}`, () => {
    const register = useTestRegister(database);
    const db = () => register.deps().database.db;

    async function fileWithOneConfirmed(options: { public: boolean }) {
      const id = await addTextDocument(register.deps(), northmoorPolicy, {
        title: 'Crisis pathway',
        ...options,
      });
      const [confirmed, pending] = await listFindings(db());
      if (!confirmed || !pending) throw new Error('expected two findings');
      await confirmFinding(register.deps(), confirmed.id);
      return { id, confirmed, pending };
    }

    it('publishes a public document with its confirmed findings and its text, redacted', async () => {
      const { id, confirmed } = await fileWithOneConfirmed({ public: true });
      const document = await findPublicDocument(db(), id);
      expect(document).toMatchObject({
        id,
        title: 'Crisis pathway',
        type: 'policy',
        typeName: expect.any(String) as unknown,
        date: '2025-06-01',
        organisations: [{ code: 'ZZT1', name: 'Northmoor Mental Health NHS Trust' }],
        public: true,
      });
      expect(document?.findings.map((finding) => finding.id)).toEqual([confirmed.id]);
      expect(document?.findings[0]?.excerpt).not.toContain('020 7946 0018');
      expect(document?.pages).toHaveLength(1);
      const text = document?.pages?.[0]?.text ?? '';
      expect(text).toContain('Frequent callers cost the service');
      for (const personal of ['Jane Smith', '020 7946 0018', 'jane.smith@example.org'])
        expect(text).not.toContain(personal);
    });

    it('leaves out the text of a private document but still lists its confirmed findings', async () => {
      const { id, confirmed } = await fileWithOneConfirmed({ public: false });
      const document = await findPublicDocument(db(), id);
      expect(document).toMatchObject({ id, public: false, pages: null });
      expect(document?.findings.map((finding) => finding.id)).toEqual([confirmed.id]);
    });

    it('returns undefined when there is no such document', async () => {
      expect(await findPublicDocument(db(), 7)).toBeUndefined();
    });
  });
}

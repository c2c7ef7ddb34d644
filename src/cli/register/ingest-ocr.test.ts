import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { makeScannedPdf } from '../../ocr/scanned-pages/make-scanned-page.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

const reply = (n: number) => [
  `Freedom of Information reply ${n}. Thank you for your request about the crisis pathway.`,
  'A specialist police officer joins the community mental health team and works alongside a named care coordinator for each person.',
];

for (const database of testDatabases()) {
  describe(`simwatch ingest of scanned documents on ${database.name}`, () => {
    const register = useCliRegister(database, { each: 'file' });
    const { cli } = register;

    it('reads scanned pages by OCR and says so, with the mean confidence', async () => {
      await writeFile(join(register.work(), 'reply-1.pdf'), await makeScannedPdf(reply(1)));
      const ingest = await cli('ingest', 'reply-1.pdf', '--org', 'ZZ-T1', '--obtained', 'FOI');
      expect(ingest.stderr).toBe('');
      expect(ingest.status).toBe(0);
      expect(ingest.stdout).toMatch(/reply-1\.pdf: document \d+, 2 page\(s\), [1-9]\d* finding/);
      expect(ingest.stdout).toMatch(
        /2 pages were read by OCR \(mean confidence \d{2,3}%\): their text may hold reading errors/,
      );
      expect(ingest.stdout).not.toMatch(/could not be read/);
    }, 180_000);

    it('with --no-ocr leaves scanned pages unread and says the document is not known to be clean', async () => {
      await writeFile(join(register.work(), 'reply-2.pdf'), await makeScannedPdf(reply(2)));
      const ingest = await cli('ingest', 'reply-2.pdf', '--org', 'ZZ-T1', '--no-ocr', '--json');
      expect(ingest.status).toBe(0);
      expect(JSON.parse(ingest.stdout)).toMatchObject({
        pages: 2,
        findings: 0,
        ocrPages: 0,
        unreadPages: 2,
        error: null,
      });
      await writeFile(join(register.work(), 'reply-3.pdf'), await makeScannedPdf(reply(3)));
      const text = await cli('ingest', 'reply-3.pdf', '--org', 'ZZ-T1', '--no-ocr');
      expect(text.stdout).toMatch(
        /2 pages could not be read, so they were not screened: the document is not known to be clean/,
      );
    }, 180_000);
  });
}

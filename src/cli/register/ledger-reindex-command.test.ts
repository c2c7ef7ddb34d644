import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';

import type { Config } from '../../config/load-config.js';
import { createDatabase } from '../../store/create-database.js';
import { testDatabases } from '../../test-support/register-databases.js';
import { useCliRegister } from '../test-support/use-cli-register.js';

/** Spoils the search index behind simwatch's back, as someone with the database could. */
async function spoilSearchIndex(config: Config): Promise<void> {
  const database = await createDatabase(config);
  try {
    if (database.dialect === 'sqlite')
      await sql`insert into document_pages_search (document_pages_search) values ('delete-all')`.execute(
        database.db,
      );
    else await sql`drop index document_pages_search`.execute(database.db);
  } finally {
    await database.db.destroy();
  }
}

for (const database of testDatabases()) {
  describe(`simwatch ledger verify and reindex on ${database.name}`, () => {
    const register = useCliRegister(database);
    const { cli } = register;

    beforeEach(async () => {
      await writeFile(
        join(register.work(), 'paper.txt'),
        'Board paper\n\nA police officer attends the monthly high intensity panel.\n',
      );
      expect((await cli('ingest', 'paper.txt', '--org', 'ZZ-T1')).status).toBe(0);
    });

    it('fails verify on a spoilt search index, and reindex rebuilds it so verify passes again', async () => {
      expect((await cli('ledger', 'verify')).status).toBe(0);
      await spoilSearchIndex(register.config());

      const spoilt = await cli('ledger', 'verify');
      expect(spoilt.status).not.toBe(0);
      expect(spoilt.stdout + spoilt.stderr).toMatch(/search index/i);
      expect(spoilt.stdout + spoilt.stderr).toContain('simwatch ledger reindex');

      const reindex = await cli('ledger', 'reindex');
      expect(reindex.status).toBe(0);
      expect(reindex.stdout).toContain("Rebuilt the search index from the documents' pages");
      expect((await cli('ledger', 'verify')).status).toBe(0);
    });
  });
}

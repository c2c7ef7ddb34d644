import { existsSync } from 'node:fs';
import { it } from 'vitest';
import { sql } from 'kysely';
import { createAppDeps } from '../app/create-app-deps.js';
import { loadConfig } from '../config/load-config.js';
import { createRegisterBenchDocument } from '../bench/register-bench-corpus.js';
import { searchDocuments } from './search-documents.js';

it('times search on 5,000 documents', async () => {
  const dir = '/tmp/simwatch-search-bench';
  const fresh = !existsSync(`${dir}/simwatch.db`);
  const deps = await createAppDeps(loadConfig({ SIMWATCH_DATA_DIR: dir }));
  const db = deps.database.db;
  if (fresh) {
    const codes = Array.from({ length: 50 }, (_, i) => `B${i}`);
    await db.transaction().execute(async (trx) => {
      for (const [i, code] of codes.entries())
        await trx
          .insertInto('organisations')
          .values({
            id: i + 1,
            code,
            name: `Org ${i}`,
            kind: 'mental_health_trust',
            region: null,
            former_names: '[]',
            source_url: null,
            created_seq: 1,
          })
          .execute();
      for (let index = 0; index < 5000; index++) {
        const doc = createRegisterBenchDocument(
          { seed: 7, kind: 'board_paper', organisationCodes: codes },
          index,
        );
        const text = Buffer.from(doc.bytes).toString('utf8');
        const third = Math.ceil(text.length / 3);
        await trx
          .insertInto('documents')
          .values({
            id: index + 1,
            sha256: String(index),
            title: doc.fileName,
            file_name: doc.fileName,
            media_type: 'text/plain',
            byte_size: doc.bytes.length,
            page_count: 3,
            doc_type: index % 3 ? 'board_paper' : 'policy',
            document_date: doc.documentDate,
            source: null,
            obtained: null,
            added_by: 'b',
            added_at: '2026',
            catalogue_version: 'x',
            public: index % 10 ? 1 : 0,
          })
          .execute();
        await trx
          .insertInto('document_organisations')
          .values(
            doc.organisationCodes.map((code) => ({
              document_id: index + 1,
              organisation_id: codes.indexOf(code) + 1,
            })),
          )
          .execute();
        await trx
          .insertInto('document_pages')
          .values(
            [0, 1, 2].map((p) => ({
              document_id: index + 1,
              position: p + 1,
              page_number: p + 1,
              text: text.slice(p * third, (p + 1) * third),
            })),
          )
          .execute();
      }
    });
  }
  const count = await sql<{ n: number }>`select count(*) as n from document_pages`.execute(db);
  console.log('pages', count.rows[0]);
  for (const query of [
    { text: 'board' },
    { text: 'quality' },
    { text: 'police' },
    { text: 'police officer' },
    { text: '"police officer"' },
    { text: 'quality', page: 50 },
    { text: 'board', organisation: 'B3' },
    { text: 'board', year: 2021 },
    { text: 'board', type: 'policy' },
    { text: 'board', label: 'police_in_care' as const },
    { text: 'risk finance committee' },
  ]) {
    const times: number[] = [];
    let total = 0;
    for (let run = 0; run < 30; run++) {
      const start = performance.now();
      total = (await searchDocuments(deps.database, query)).total;
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify(query),
      'total',
      total,
      'median',
      times[15]?.toFixed(1),
      'p95',
      times[28]?.toFixed(1),
    );
  }
  await deps.close();
}, 600000);

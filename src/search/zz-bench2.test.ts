import { it } from 'vitest';
import { createAppDeps } from '../app/create-app-deps.js';
import { loadConfig } from '../config/load-config.js';
import { searchSqlite } from './search-sqlite.js';
import { parseSearchText } from './parse-search-text.js';
import { redactSegments, snippetSegments } from './snippet-segments.js';

it('profiles', async () => {
  const deps = await createAppDeps(loadConfig({ SIMWATCH_DATA_DIR: '/tmp/simwatch-search-bench' }));
  const terms = parseSearchText('board');
  let rows: { snippet: string }[] = [];
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    for (let i = 0; i < 10; i++) rows = (await searchSqlite(deps.database.db, terms, { text: 'board' }, { limit: 20, offset: 0 })).rows;
    console.log('engine', ((performance.now() - t) / 10).toFixed(1));
    t = performance.now();
    for (let i = 0; i < 10; i++) for (const row of rows) redactSegments(snippetSegments(row.snippet));
    console.log('redact', ((performance.now() - t) / 10).toFixed(1));
  }
  await deps.close();
});

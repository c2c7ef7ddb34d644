// `npm run build && node dist/bench/bench-large-record.js`: records a 20,000-page text-dense
// document's `document.ingested` event (63 MB of canonical JSON, 2,000 findings) through
// recordChange on SQLite and PostgreSQL, three times each, and prints how long the change took and
// the longest pause of the event loop meanwhile and the longest wait of a read another request
// makes meanwhile (`countEvents`, which every public page runs first), with PASS/FAIL lines against
// the 1 s a web server may pause. This finds where the time goes; it is not the web server's own
// measure.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig } from '../config/load-config.js';
import { recordChange } from '../register/record-change.js';
import type { FindingRecord, IngestedDocument } from '../register/register-event.js';
import { createDatabase, type RegisterDatabase } from '../store/create-database.js';
import { countEvents } from '../store/record-repository.js';
import { createBenchPostgres } from './create-bench-postgres.js';

const pageCount = 20_000;
const rounds = 3;
const targetPauseMs = 1_000;
// Read here, at the edge, like the test databases' URL: the benchmark is not part of the app.
const postgresAdminUrl =
  process.env.SIMWATCH_BENCH_POSTGRES_URL ??
  'postgres://simwatch:simwatch@127.0.0.1:5432/simwatch_test';
const words = (
  'police officer attends the monthly high intensity panel to agree response plans for each ' +
  'person on the caseload care plan workforce crisis team section 136'
).split(' ');

/** About 3,000 characters of board-paper words, different on each page. */
function pageText(seed: number): string {
  let text = '';
  for (let index = seed; text.length < 3_000; index = (index * 7 + 3) % 104_729)
    text += `${words[index % words.length] ?? ''}${index % 13 === 0 ? '.\n' : ' '}`;
  return text;
}

function ingestedDocument(id: number): IngestedDocument {
  const findings: FindingRecord[] = Array.from({ length: 2_000 }, (_, index) => ({
    id: (id - 1) * 2_000 + index + 1,
    label: 'police',
    indicator: 'police-presence',
    reason: 'A police officer is named in the passage.',
    excerpt: pageText(index).slice(0, 300),
    pageNumber: index + 1,
    start: 0,
    end: 300,
    score: 0.9,
  }));
  return {
    document: {
      id,
      sha256: id.toString(16).padStart(64, '0'),
      title: 'A very large board paper',
      fileName: 'large.pdf',
      mediaType: 'application/pdf',
      byteSize: 1,
      pageCount,
      docType: 'board_paper',
      documentDate: null,
      source: null,
      obtained: null,
      addedBy: 'bench',
      addedAt: new Date().toISOString(),
      catalogueVersion: 'bench',
      public: true,
    },
    organisationIds: [],
    pages: Array.from({ length: pageCount }, (_, index) => ({
      position: index + 1,
      pageNumber: index + 1,
      text: pageText(index),
    })),
    findings,
  };
}

/**
 * Reads the record's head every 10 ms until `done()`; returns the longest a read took from when it
 * was due (as a request arriving then would wait), so a pause of the event loop counts too.
 */
async function readMeanwhile(database: RegisterDatabase, done: () => boolean): Promise<number> {
  let longest = 0;
  while (!done()) {
    const due = performance.now() + 10;
    await new Promise((resolve) => setTimeout(resolve, 10));
    await countEvents(database.db);
    longest = Math.max(longest, performance.now() - due);
  }
  return longest;
}

/** Records the document `rounds` times on one database; returns the longest pause and read. */
async function measure(databaseUrl: string | undefined, log: (line: string) => void) {
  const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-bench-'));
  const config = loadConfig({
    SIMWATCH_DATA_DIR: dataDir,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const database = await createDatabase(config);
  let longest = 0;
  let longestRead = 0;
  try {
    for (let round = 1; round <= rounds; round++) {
      const payload = ingestedDocument(round);
      let pause = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        pause = Math.max(pause, now - last);
        last = now;
      }, 2);
      let recorded = false;
      const reads = readMeanwhile(database, () => recorded);
      const started = performance.now();
      await recordChange({ database, now: () => new Date() }, 'bench', () =>
        Promise.resolve({ events: [{ type: 'document.ingested', payload }], result: undefined }),
      );
      const took = performance.now() - started;
      recorded = true;
      const read = await reads;
      await new Promise((resolve) => setTimeout(resolve, 20));
      clearInterval(timer);
      longest = Math.max(longest, pause);
      longestRead = Math.max(longestRead, read);
      log(
        `  ${database.dialect.padEnd(8)} round ${round}: change ${ms(took)}, longest event-loop pause ${ms(pause)}, longest read ${ms(read)}`,
      );
    }
  } finally {
    await database.db.destroy();
    await rm(dataDir, { recursive: true, force: true });
  }
  return { dialect: database.dialect, longest, longestRead };
}

async function runBench(log: (line: string) => void = console.log): Promise<number> {
  log(
    `simwatch large-record benchmark: ${pageCount} pages, load average ${loadavg()[0]?.toFixed(2)}`,
  );
  const results = [await measure(undefined, log)];
  const postgres = await createBenchPostgres(postgresAdminUrl);
  if ('skipped' in postgres) log(`  postgres skipped: ${postgres.skipped}`);
  else
    try {
      results.push(await measure(postgres.databaseUrl, log));
    } finally {
      await postgres.drop();
    }
  for (const { dialect, longest, longestRead } of results) {
    log(
      `${longest < targetPauseMs ? 'PASS' : 'FAIL'}  ${dialect}: longest event-loop pause under ${targetPauseMs} ms: ${ms(longest)}`,
    );
    log(
      `${longestRead < targetPauseMs ? 'PASS' : 'FAIL'}  ${dialect}: longest read during the change under ${targetPauseMs} ms: ${ms(longestRead)}`,
    );
  }
  return results.every(({ longest, longestRead }) => Math.max(longest, longestRead) < targetPauseMs)
    ? 0
    : 1;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}

process.exitCode = await runBench();

// `npm run bench:register`: times ingesting documents into the register and deriving every
// organisation's status, on SQLite and (when it can be reached) on PostgreSQL.
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadConfig, redactPassword } from '../config/load-config.js';
import { createBenchPostgres } from './create-bench-postgres.js';
import { runRegisterBench, type RegisterBenchSpec } from './run-register-bench.js';

const spec: RegisterBenchSpec = {
  seed: 20_261_201,
  documents: 1_000,
  totalFindings: 100_000,
  confirmedFindings: 2_000,
  statusRuns: 5,
};
const targetStatusMs = 100;
// Read here, at the edge, like the test databases' URL: the benchmark is not part of the app.
const postgresAdminUrl =
  process.env.SIMWATCH_BENCH_POSTGRES_URL ??
  'postgres://simwatch:simwatch@127.0.0.1:5432/simwatch_test';

/** Runs the benchmark on each database and prints the figures; returns the exit status. */
async function runBench(log: (line: string) => void = console.log): Promise<number> {
  log(
    `simwatch register benchmark: seed ${spec.seed}, ${availableParallelism()} CPUs, Node ${process.version}, ` +
      `load average ${loadAverage()}`,
  );
  log(
    `Each database: ${spec.documents} generated documents, then ${spec.totalFindings} findings ` +
      `in all, ${spec.confirmedFindings} of them confirmed, then status over all organisations`,
  );
  log('');
  const sqliteDir = await mkdtemp(join(tmpdir(), 'simwatch-bench-register-'));
  let sqliteMedianMs: number;
  try {
    const config = loadConfig({ SIMWATCH_DATA_DIR: sqliteDir });
    log(`SQLite: ${config.sqlitePath}`);
    sqliteMedianMs = (await runRegisterBench(config, { name: 'SQLite', spec, log })).medianMs;
  } finally {
    await rm(sqliteDir, { recursive: true, force: true });
  }

  log('');
  const postgres = await createBenchPostgres(postgresAdminUrl);
  if ('skipped' in postgres) log(`PostgreSQL: skipped (${postgres.skipped})`);
  else {
    const dataDir = await mkdtemp(join(tmpdir(), 'simwatch-bench-register-'));
    try {
      const config = loadConfig({ SIMWATCH_DATA_DIR: dataDir, DATABASE_URL: postgres.databaseUrl });
      log(`PostgreSQL: ${redactPassword(postgres.databaseUrl)} (dropped afterwards)`);
      await runRegisterBench(config, { name: 'PostgreSQL', spec, log });
    } finally {
      await postgres.drop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }

  log('');
  const pass = sqliteMedianMs < targetStatusMs;
  log(
    `${pass ? 'PASS' : 'FAIL'}  status over all organisations under ${targetStatusMs} ms (SQLite): ` +
      `median ${sqliteMedianMs.toFixed(1)} ms`,
  );
  // Timings of a few milliseconds suffer most when other work shares the CPUs: say how busy they were.
  log(`      load average at the end: ${loadAverage()}`);
  return pass ? 0 : 1;
}

function loadAverage(): string {
  return loadavg()[0]?.toFixed(2) ?? 'unknown';
}

process.exitCode = await runBench();

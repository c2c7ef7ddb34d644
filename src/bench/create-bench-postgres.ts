import { randomBytes } from 'node:crypto';

import pg from 'pg';

import { redactPassword } from '../config/load-config.js';

/** A fresh, empty PostgreSQL database for one benchmark run, and how to drop it. */
export interface BenchPostgres {
  databaseUrl: string;
  drop(): Promise<void>;
}

/**
 * Creates a database `simwatch_bench_<random>` through `adminUrl`. Returns the reason instead
 * when PostgreSQL cannot be reached, so the benchmark can skip it rather than fail.
 */
export async function createBenchPostgres(
  adminUrl: string,
): Promise<BenchPostgres | { skipped: string }> {
  const name = `simwatch_bench_${randomBytes(6).toString('hex')}`;
  try {
    await adminQuery(adminUrl, `create database ${name}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { skipped: `cannot connect to ${redactPassword(adminUrl)}: ${reason}` };
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`),
  };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

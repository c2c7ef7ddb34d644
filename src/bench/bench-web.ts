// `npm run bench:web`: seeds a register of 60 organisations and 5,000 documents on SQLite, serves
// it with `simwatch serve` in its own process, and loads the home page, organisation pages and
// searches with autocannon, printing requests/s and latency percentiles against the targets.
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

import { createBenchOrganisations } from './bench-organisations.js';
import { measureHttpLoad, type HttpLoadMeasure } from './measure-http-load.js';
import { seedWebRegister, type WebSeedSpec } from './seed-web-register.js';
import { startServerProcess } from './start-server-process.js';

const spec: WebSeedSpec = {
  seed: 20_261_126,
  organisations: 60,
  documents: 5_000,
  confirmedFindings: 600,
};
const dataDir = fileURLToPath(new URL('../../bench-output/web-register/', import.meta.url));
const load = { connections: 10, seconds: 10 };
const targets = { organisationRps: 1_000, organisationP99Ms: 50, searchP95Ms: 100 };

// Words and phrases from the generated board papers and their feature sentences.
const searches = [
  'police',
  'crisis team',
  '"high intensity"',
  'behaviour contract',
  'workforce',
  'section 136',
  'frequent attenders',
  'quality improvement',
  'police officer',
  'care plan',
].map((query) => `/search?q=${encodeURIComponent(query)}`);

/** Seeds, serves, loads each page type in turn and prints the figures; returns the exit status. */
async function runBench(log: (line: string) => void = console.log): Promise<number> {
  log(
    `simwatch web benchmark: ${availableParallelism()} CPUs, Node ${process.version}, load average ${loadAverage()}`,
  );
  log(
    `Register: ${spec.organisations} organisations, ${spec.documents} documents (SQLite, ${dataDir})`,
  );
  await seedWebRegister(dataDir, spec, log);
  const server = await startServerProcess({ SIMWATCH_DATA_DIR: dataDir });
  log(`Serving ${server.url} (NODE_ENV=production, a process of its own)`);
  log(
    `Load: autocannon, ${load.connections} connections, ${load.seconds} s per page type, after a warm-up`,
  );
  log('');
  try {
    const organisationPaths = createBenchOrganisations(spec.organisations).map(
      (organisation) => `/organisations/${organisation.code}`,
    );
    const scenarios: [string, string[]][] = [
      ['home page', ['/']],
      [`organisation pages (${organisationPaths.length}, in turn)`, organisationPaths],
      [`searches (${searches.length} queries, in turn)`, searches],
    ];
    const measures: HttpLoadMeasure[] = [];
    for (const [name, paths] of scenarios) {
      await measureHttpLoad(server.url, paths, { connections: load.connections, seconds: 2 });
      const measure = await measureHttpLoad(server.url, paths, load);
      measures.push(measure);
      log(
        `${name.padEnd(40)} ${measure.requestsPerSecond.toFixed(0).padStart(6)} requests/s   ` +
          `p50 ${ms(measure.p50Ms)}  p95 ${ms(measure.p95Ms)}  p99 ${ms(measure.p99Ms)}` +
          (measure.failures > 0 ? `   ${measure.failures} FAILED responses` : ''),
      );
    }
    const [, organisation, search] = measures;
    if (!organisation || !search) throw new Error('A scenario did not run');
    log('');
    const checks = [
      {
        pass: organisation.requestsPerSecond >= targets.organisationRps,
        text: `organisation page at least ${targets.organisationRps} requests/s: ${organisation.requestsPerSecond.toFixed(0)}`,
      },
      {
        pass: organisation.p99Ms < targets.organisationP99Ms,
        text: `organisation page p99 under ${targets.organisationP99Ms} ms: ${ms(organisation.p99Ms)}`,
      },
      {
        pass: search.p95Ms < targets.searchP95Ms,
        text: `search p95 under ${targets.searchP95Ms} ms: ${ms(search.p95Ms)}`,
      },
      {
        pass: measures.every((measure) => measure.failures === 0),
        text: 'every response 2xx',
      },
    ];
    for (const check of checks) log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.text}`);
    log(`      load average at the end: ${loadAverage()}`);
    return checks.every((check) => check.pass) ? 0 : 1;
  } finally {
    await server.stop();
  }
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`.padStart(8);
}

function loadAverage(): string {
  return loadavg()[0]?.toFixed(2) ?? 'unknown';
}

process.exitCode = await runBench();

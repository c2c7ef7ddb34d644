// `npm run bench:web`: seeds a register of 60 organisations and 5,000 documents on SQLite, serves
// it with `simwatch serve` in its own process (as deployed, then with the page cache off), and
// loads the home page, organisation pages and searches with autocannon, printing requests/s and
// latency percentiles against the targets.
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
  log(
    `Load: autocannon, ${load.connections} connections unless said, ${load.seconds} s per line, after a 2 s warm-up; ` +
      'the server is simwatch serve (NODE_ENV=production) in a process of its own',
  );
  const organisationPaths = createBenchOrganisations(spec.organisations).map(
    (organisation) => `/organisations/${organisation.code}`,
  );
  const scenarios: { name: string; paths: string[]; connections: number }[] = [
    { name: 'home page', paths: ['/'], connections: load.connections },
    {
      name: `organisation pages (${organisationPaths.length}, in turn)`,
      paths: organisationPaths,
      connections: load.connections,
    },
    {
      name: `searches (${searches.length} queries, in turn)`,
      paths: searches,
      connections: load.connections,
    },
    // What one person searching waits, when nobody else is.
    { name: 'searches, one connection', paths: searches, connections: 1 },
  ];
  // First as deployed (public pages cached until the register changes), then with the cache off,
  // so that every page is built and every search run for each request.
  const runs: { name: string; env: Record<string, string> }[] = [
    { name: 'As deployed (page cache on)', env: {} },
    { name: 'Page cache off (SIMWATCH_PAGE_CACHE=0)', env: { SIMWATCH_PAGE_CACHE: '0' } },
  ];
  const results: HttpLoadMeasure[][] = [];
  for (const run of runs) {
    log('');
    log(`${run.name}:`);
    const server = await startServerProcess({ SIMWATCH_DATA_DIR: dataDir, ...run.env });
    try {
      const measures: HttpLoadMeasure[] = [];
      for (const { name, paths, connections } of scenarios) {
        await measureHttpLoad(server.url, paths, { connections, seconds: 2 });
        const measure = await measureHttpLoad(server.url, paths, { ...load, connections });
        measures.push(measure);
        log(
          `  ${name.padEnd(38)} ${measure.requestsPerSecond.toFixed(0).padStart(6)} requests/s   ` +
            `p50 ${ms(measure.p50Ms)}  p95 ${ms(measure.p95Ms)}  p99 ${ms(measure.p99Ms)}` +
            (measure.failures > 0 ? `   ${measure.failures} FAILED responses` : ''),
        );
      }
      results.push(measures);
    } finally {
      await server.stop();
    }
  }
  const organisation = results[0]?.[1];
  const search = results[0]?.[2];
  if (!organisation || !search) throw new Error('A scenario did not run');
  log('');
  const checks = [
    {
      pass: organisation.requestsPerSecond >= targets.organisationRps,
      text: `organisation page at least ${targets.organisationRps} requests/s (as deployed): ${organisation.requestsPerSecond.toFixed(0)}`,
    },
    {
      pass: organisation.p99Ms < targets.organisationP99Ms,
      text: `organisation page p99 under ${targets.organisationP99Ms} ms (as deployed): ${ms(organisation.p99Ms).trim()}`,
    },
    {
      pass: search.p95Ms < targets.searchP95Ms,
      text: `search p95 under ${targets.searchP95Ms} ms (as deployed): ${ms(search.p95Ms).trim()}`,
    },
    {
      pass: results.flat().every((measure) => measure.failures === 0),
      text: 'every response 2xx',
    },
  ];
  for (const check of checks) log(`${check.pass ? 'PASS' : 'FAIL'}  ${check.text}`);
  log(`      load average at the end: ${loadAverage()}`);
  return checks.every((check) => check.pass) ? 0 : 1;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`.padStart(8);
}

function loadAverage(): string {
  return loadavg()[0]?.toFixed(2) ?? 'unknown';
}

process.exitCode = await runBench();

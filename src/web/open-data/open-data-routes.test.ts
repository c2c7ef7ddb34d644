import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import { writeCheckpoint } from '../../register/ledger/write-checkpoint.js';
import { buildOpenData, type OpenData } from '../../register/open-data/build-open-data.js';
import { openDataFile } from '../../register/open-data/open-data-file.js';
import { openDataTableDescriptions } from './open-data-tables.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

describe('the open data page and downloads', () => {
  let web: TestWebApp;
  let data: OpenData;
  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
    // The first change made through the web, or "simwatch init", makes the key and a checkpoint.
    await writeCheckpoint(
      web.deps,
      await loadSigningKey(web.deps.config.signingKeyPath, { create: true }),
    );
    data = await buildOpenData(web.deps.database.db);
  });
  afterAll(async () => {
    await web.cleanUp();
  });

  it('describes every table that buildOpenData publishes', () => {
    expect(Object.keys(openDataTableDescriptions).sort()).toEqual(
      data.tables.map((table) => table.name).sort(),
    );
  });

  it('links to every table as CSV and JSON, the figures, the key, the API and the feed', async () => {
    const response = await web.client().get('/open-data');
    expect(response.statusCode).toBe(200);
    const page = response.body;
    expect(page).toContain('<h1>Open data</h1>');
    for (const table of data.tables) {
      expect(page).toContain(`href="/open-data/${table.name}.csv"`);
      expect(page).toContain(`href="/open-data/${table.name}.json"`);
    }
    expect(page).toContain('href="/open-data/figures.json"');
    expect(page).toContain('href="/open-data/record-public-key.pem"');
    expect(page).toContain('href="/api/openapi.json"');
    expect(page).toContain('href="/feed.atom"');
    expect(page).toContain('<code>GET /api/organisations/{code}</code>');
    expect(page).toContain('free to reuse with attribution');
    expect(page).toContain('aria-current="page"');
    expect(page).not.toMatch(/\sstyle="/);
  });

  it('serves each table as a CSV download with a header row and one row per record', async () => {
    for (const table of data.tables) {
      const response = await web.client().get(`/open-data/${table.name}.csv`);
      expect(response.statusCode, table.name).toBe(200);
      expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${table.name}.csv"`,
      );
      const rows: string[][] = parse(response.body);
      expect(rows[0], table.name).toEqual(table.columns);
      expect(rows, table.name).toHaveLength(table.rows.length + 1);
      expect(response.body).toBe(openDataFile(table, 'csv'));
    }
    for (const name of ['evidence', 'checkpoints'])
      expect(data.tables.find((table) => table.name === name)?.rows.length).toBeGreaterThan(0);
  });

  it('serves each table as a JSON download of one object per record', async () => {
    for (const table of data.tables) {
      const response = await web.client().get(`/open-data/${table.name}.json`);
      expect(response.statusCode, table.name).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['content-disposition']).toBe(
        `attachment; filename="${table.name}.json"`,
      );
      const records = response.json<Record<string, unknown>[]>();
      expect(records, table.name).toHaveLength(table.rows.length);
      if (records[0]) expect(Object.keys(records[0])).toEqual(table.columns);
    }
  });

  it('serves the national figures and the public key of the record', async () => {
    const figures = await web.client().get('/open-data/figures.json');
    expect(figures.statusCode).toBe(200);
    expect(figures.json()).toEqual(data.figures);
    const key = await web.client().get('/open-data/record-public-key.pem');
    expect(key.statusCode).toBe(200);
    expect(key.body).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(key.body).not.toContain('PRIVATE');
  });

  it('answers a file that is not part of the open data with 404', async () => {
    for (const file of [
      'users.csv',
      'findings.json',
      'evidence.xml',
      'figures.csv',
      'record-signing-key.pem',
      '..%2Fsimwatch.db',
    ]) {
      const response = await web.client().get(`/open-data/${file}`);
      expect(response.statusCode, file).toBe(404);
      expect(response.headers['content-disposition']).toBeUndefined();
    }
  });

  it('publishes no excerpt of a finding that is not confirmed', async () => {
    const db = web.deps.database.db;
    const rows = await db.selectFrom('findings').select(['excerpt', 'status']).execute();
    const confirmed = new Set(
      rows.filter((row) => row.status === 'confirmed').map((row) => row.excerpt),
    );
    const response = await web.client().get('/open-data/evidence.csv');
    const pending = rows.filter((row) => row.status === 'pending' && !confirmed.has(row.excerpt));
    expect(pending.length).toBeGreaterThan(0);
    for (const row of pending) expect(response.body).not.toContain(row.excerpt);
  });
});

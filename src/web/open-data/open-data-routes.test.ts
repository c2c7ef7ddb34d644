import { createHash } from 'node:crypto';

import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadSigningKey } from '../../register/ledger/signing-key-file.js';
import { writeCheckpoint } from '../../register/ledger/write-checkpoint.js';
import { buildOpenData, type OpenData } from '../../register/open-data/build-open-data.js';
import { openDataFile } from '../../register/open-data/open-data-file.js';
import { openDataZipName, publishOpenData } from '../../register/open-data/publish-open-data.js';
import { openDataTables } from '../../register/open-data/open-data-dictionary.js';
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
    data = await buildOpenData(web.deps.database.db, { baseUrl: web.deps.config.web.publicUrl });
  });
  afterAll(async () => {
    await web.cleanUp();
  });

  it('describes every table and column that buildOpenData publishes in the dictionary', () => {
    expect(openDataTables.map((table) => [table.name, table.columns.map((c) => c.name)])).toEqual(
      data.tables.map((table) => [table.name, table.columns]),
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
      const rows: string[][] = parse(response.body, { bom: true });
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

  it('explains every column of every file on the dictionary page and in the dictionary files', async () => {
    const response = await web.client().get('/open-data/dictionary');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<h1>Open data dictionary</h1>');
    expect(response.body).toContain('(space, slash, space)');
    for (const table of openDataTables)
      for (const column of table.columns)
        expect(response.body, `${table.name}.${column.name}`).toContain(`>${column.name}</code>`);
    const csv = await web.client().get('/open-data/data-dictionary.csv');
    expect(csv.statusCode).toBe(200);
    const rows: string[][] = parse(csv.body, { bom: true });
    expect(rows).toHaveLength(
      1 + openDataTables.reduce((sum, table) => sum + table.columns.length, 0),
    );
    const json = await web.client().get('/open-data/data-dictionary.json');
    expect(json.json<{ tables: unknown[] }>().tables).toHaveLength(openDataTables.length);
    const page = await web.client().get('/open-data');
    expect(page.body).toContain('href="/open-data/dictionary"');
  });

  it('offers the published zip with the SHA-256 the record holds, and says when there is none', async () => {
    const before = await web.client().get('/open-data');
    expect(before.body).toContain('has not yet been published as one zip file');
    expect((await web.client().get(`/open-data/${openDataZipName}`)).statusCode).toBe(404);
    const key = await loadSigningKey(web.deps.config.signingKeyPath, { create: false });
    const { publication } = await publishOpenData(
      web.deps,
      { baseUrl: web.deps.config.web.publicUrl, publicKeyPem: key.publicKeyPem },
      'tester',
    );
    const page = await web.client().get('/open-data');
    expect(page.body).toContain(`href="/open-data/${openDataZipName}"`);
    expect(page.body).toContain(publication.sha256);
    expect(page.body).toContain(`change number ${publication.seq}`);
    const zip = await web.client().get(`/open-data/${openDataZipName}`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect(createHash('sha256').update(zip.rawPayload).digest('hex')).toBe(publication.sha256);
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

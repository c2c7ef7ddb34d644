import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { importOrganisations } from '../../register/organisations/organisations-service.js';
import { fictionalOrganisations } from '../test-support/fictional-organisations.js';
import { createTestWebApp, type TestWebApp } from '../test-support/web-test-app.js';

/** The number written in the map's tile (or the table's cell) for a region and a status. */
function figure(html: string, region: string, status: string, element: 'tspan|text' | 'span') {
  const pattern = new RegExp(
    `<(?:${element})[^>]*data-region="${region}" data-status="${status}">(\\d+)<`,
  );
  return Number(pattern.exec(html)?.[1] ?? Number.NaN);
}

describe('the map of England by region and status', () => {
  let web: TestWebApp;
  beforeAll(async () => {
    web = await createTestWebApp({ demo: true });
  }, 120_000);
  afterAll(() => web.cleanUp());

  it('draws a tile for each of the 7 regions, linking to the list of its organisations', async () => {
    const page = await web.client().get('/map');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<h1>Map of organisations by region and status</h1>');
    expect(page.body).toContain('schematic map, not to scale');
    expect(page.body).toMatch(/<svg class="simwatch-map"[^>]*role="group"/);
    const links = [...page.body.matchAll(/<a class="simwatch-map__link" href="([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(links).toHaveLength(7);
    expect(links).toContain('/organisations?region=North+East+and+Yorkshire');
  });

  it('counts the same organisations as the list filtered by each region', async () => {
    const page = (await web.client().get('/map')).body;
    for (const [, encoded] of page.matchAll(
      /<a class="simwatch-map__link" href="\/organisations\?region=([^"]+)"/g,
    )) {
      const region = new URLSearchParams(`region=${encoded ?? ''}`).get('region') ?? '';
      const list = await web.client().get(`/organisations?region=${encoded ?? ''}`);
      expect(list.statusCode, region).toBe(200);
      const listed = (list.body.match(/<a href="\/organisations\/[^"]+">/g) ?? []).length;
      expect(figure(page, region, 'total', 'tspan|text'), region).toBe(listed);
      expect(figure(page, region, 'total', 'span'), region).toBe(listed);
    }
    // The demonstration register's North East and Yorkshire and the Humber are one region.
    expect(figure(page, 'North East and Yorkshire', 'total', 'span')).toBe(5);
    expect(figure(page, 'North East and Yorkshire', 'contradicted', 'span')).toBe(1);
    expect(figure(page, 'all', 'total', 'span')).toBe(12);
  });

  it('is kept until the register changes, and then drawn again', async () => {
    await web.client().get('/map');
    const kept = await web.client().get('/map');
    expect(kept.headers['x-simwatch-cache']).toBe('hit');
    const before = figure(kept.body, 'London', 'total', 'span');
    await importOrganisations(web.deps, fictionalOrganisations(7), 'test');
    const after = await web.client().get('/map');
    expect(after.headers['x-simwatch-cache']).toBeUndefined();
    expect(figure(after.body, 'London', 'total', 'span')).toBe(before + 1);
    expect(figure(after.body, 'London', 'total', 'tspan|text')).toBe(before + 1);
  });
});

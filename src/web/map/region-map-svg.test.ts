import { describe, expect, it } from 'vitest';

import { countRegionStatuses } from './region-status-counts.js';
import { renderRegionMap } from './region-map-svg.js';

const counts = countRegionStatuses([
  { region: 'London', status: 'continuing', closed: null },
  { region: 'London', status: 'contradicted', closed: null },
  { region: 'Wales', status: 'no_response', closed: null },
]);
const svg = renderRegionMap(counts.rows, {
  id: 'map',
  title: 'A <map> & its title',
  description: 'Schematic.',
  hrefOf: (region) => `/organisations?region=${encodeURIComponent(region)}&x=1`,
});

describe('renderRegionMap()', () => {
  it('is a group named by its escaped title and described, scaling through its viewBox', () => {
    expect(svg).toMatch(
      /^<svg class="simwatch-map" [^>]*viewBox="0 0 \d+ \d+" width="100%" role="group" aria-labelledby="map-title" aria-describedby="map-description">/,
    );
    expect(svg).toContain('<title id="map-title">A &lt;map&gt; &amp; its title</title>');
  });

  it('draws one linked tile for each of the 7 regions, not for the rest', () => {
    const links = [...svg.matchAll(/<a class="simwatch-map__link" href="([^"]+)"/g)];
    expect(links).toHaveLength(7);
    expect(links.map((match) => match[1])).toContain('/organisations?region=London&amp;x=1');
    expect(svg).not.toContain('outside England');
  });

  it('writes each count beside a pattern and the status written out', () => {
    expect(svg).toMatch(/data-region="London" data-status="contradicted">1</);
    expect(svg).toMatch(/data-region="London" data-status="total">2</);
    expect(svg).toMatch(/data-region="Midlands" data-status="continuing">0</);
    expect(svg).toContain('fill="url(#map-pattern-contradicted)"');
    expect(svg).toContain('>Contradicted</text>');
    expect(svg.match(/<pattern /g)).toHaveLength(6);
  });
});

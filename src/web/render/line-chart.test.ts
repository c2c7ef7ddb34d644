import { describe, expect, it } from 'vitest';

import { renderLineChart, type LineChart } from './line-chart.js';

const chart: LineChart = {
  id: 'curve',
  title: 'Macro-F1 by passages trained on',
  description: 'It rises from 32% to 44%.',
  xLabel: 'Passages trained on',
  yLabel: 'Macro-F1',
  series: [
    {
      name: 'Every labelled passage',
      points: [
        { x: 173, y: 0.32 },
        { x: 691, y: 0.44 },
      ],
    },
    {
      name: 'Certain labels only',
      points: [
        { x: 173, y: 0.35 },
        { x: 691, y: 0.5 },
      ],
    },
  ],
};

describe('renderLineChart()', () => {
  it('is an image named by its title and description', () => {
    const svg = renderLineChart(chart);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="curve-title curve-description"');
    expect(svg).toContain('<title id="curve-title">Macro-F1 by passages trained on</title>');
    expect(svg).toContain('<desc id="curve-description">It rises from 32% to 44%.</desc>');
  });

  it('names each line in a key and tells the lines apart without colour', () => {
    const svg = renderLineChart(chart);
    expect(svg).toContain('>Every labelled passage</text>');
    expect(svg).toContain('>Certain labels only</text>');
    expect(svg.match(/<polyline [^>]*stroke-dasharray/g)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(3);
  });

  it('writes the axis values: 0% to 100% up the side and each count along the bottom', () => {
    const svg = renderLineChart(chart);
    for (const text of ['0%', '50%', '100%', '173', '691', 'Passages trained on', 'Macro-F1'])
      expect(svg).toContain(`>${text}</text>`);
  });

  it('puts a higher share higher on the chart, and keeps shares within the plot', () => {
    const svg = renderLineChart({
      ...chart,
      series: [
        {
          name: 'One',
          points: [
            { x: 1, y: -0.5 },
            { x: 2, y: 1.5 },
          ],
        },
      ],
    });
    const points = /<polyline [^>]*points="([^"]+)"/.exec(svg)?.[1]?.split(' ') ?? [];
    const [low, high] = points.map((point) => Number(point.split(',')[1]));
    expect(low).toBe(196);
    expect(high).toBe(40);
  });

  it('escapes the texts it is given', () => {
    const svg = renderLineChart({ ...chart, title: 'A <b>bold</b> & "quoted" title' });
    expect(svg).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title');
  });
});

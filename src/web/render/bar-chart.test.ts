import { describe, expect, it } from 'vitest';

import { describeBarGroups, renderBarChart, type BarChart } from './bar-chart.js';

const chart: BarChart = {
  id: 'figures',
  title: 'Organisations out of 12',
  description: 'Responded: 6.',
  max: 12,
  groups: [
    { label: 'Responded', bars: [{ name: 'Responded', value: 6 }] },
    {
      label: 'Police in care planning',
      bars: [
        { name: 'Used', value: 12 },
        { name: 'Appears to continue', value: 0 },
      ],
    },
  ],
};

function widths(svg: string): number[] {
  return [...svg.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((match) => Number(match[1]));
}

describe('renderBarChart()', () => {
  it('is an image named by its title and description', () => {
    const svg = renderBarChart(chart);
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain('aria-labelledby="figures-title figures-description"');
    expect(svg).toContain('<title id="figures-title">Organisations out of 12</title>');
    expect(svg).toContain('<desc id="figures-description">Responded: 6.</desc>');
    expect(svg).toMatch(/viewBox="0 0 360 \d+"/);
  });

  it('writes each value beside its bar, named when a group has several bars', () => {
    const svg = renderBarChart(chart);
    expect(svg).toContain('>Responded</text>');
    expect(svg).toContain('>6</text>');
    expect(svg).toContain('>Used: 12</text>');
    expect(svg).toContain('>Appears to continue: 0</text>');
  });

  it('draws bars in proportion to the largest possible value', () => {
    const [half, full, none] = widths(renderBarChart(chart));
    expect(full).toBe(210);
    expect(half).toBe(105);
    expect(none).toBe(0);
  });

  it('never draws a bar longer than the chart, even for a value above the maximum', () => {
    const over = { ...chart, groups: [{ label: 'Too many', bars: [{ name: 'x', value: 20 }] }] };
    expect(widths(renderBarChart(over))).toEqual([210]);
  });

  it('escapes every text it writes', () => {
    const svg = renderBarChart({
      ...chart,
      title: '<script>alert(1)</script>',
      groups: [{ label: 'A & B "quoted"', bars: [{ name: 'x', value: 1 }] }],
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('A &amp; B &quot;quoted&quot;');
  });

  it('scales to the largest value when no maximum is given', () => {
    expect(widths(renderBarChart({ ...chart, max: 0 }))).toEqual([105, 210, 0]);
  });
});

describe('describeBarGroups()', () => {
  it('describes each group in words', () => {
    expect(describeBarGroups(chart.groups)).toBe(
      'Responded: 6. Police in care planning: used 12, appears to continue 0.',
    );
  });
});

import { escapeXml } from './escape-xml.js';

/** One line of a chart: its name (shown in the key) and its points. */
export interface LineSeries {
  name: string;
  points: { x: number; y: number }[];
}

/** A line chart of shares (0 to 1) against a count, such as F1 against passages trained on. */
export interface LineChart {
  /** Prefix for the ids of the chart's title and description (unique on the page). */
  id: string;
  title: string;
  /** What the chart shows, read out by screen readers with the title. */
  description: string;
  /** What the horizontal axis counts ("Passages trained on"). */
  xLabel: string;
  /** What the vertical axis shows ("Macro-F1"). */
  yLabel: string;
  /** At most two lines: the second is dashed with square points, so colour is never needed. */
  series: LineSeries[];
}

const width = 360;
const height = 240;
/** Drawn half as large again as its viewBox, so its 12-unit text reads at 18 pixels. */
const scale = 1.5;
const fontSize = 12;
const plot = { left: 48, right: 344, top: 40, bottom: 196 };
const styles = [
  { colour: '#005eb8', dash: '', marker: 'circle' },
  { colour: '#330072', dash: ' stroke-dasharray="6 4"', marker: 'square' },
] as const;

/**
 * Draws a line chart as SVG markup: `role="img"` named by its `<title>` and `<desc>`, a key
 * above the plot, the vertical axis from 0% to 100% and each point's count written on the
 * horizontal axis. Lines differ by dashes and point shapes as well as colour. It scales to the
 * width it is given through its viewBox. Every text is escaped. Show the same figures in a table.
 */
export function renderLineChart(chart: LineChart): string {
  const xs = chart.series.flatMap((series) => series.points.map((point) => point.x));
  const xMax = Math.max(1, ...xs);
  const xAt = (x: number) => round(plot.left + (x / xMax) * (plot.right - plot.left));
  const yAt = (y: number) =>
    round(plot.bottom - Math.min(1, Math.max(0, y)) * (plot.bottom - plot.top));
  const parts: string[] = [];

  for (const share of [0, 0.25, 0.5, 0.75, 1]) {
    const y = yAt(share);
    parts.push(
      `<line class="simwatch-chart__grid" x1="${plot.left}" y1="${y}" x2="${plot.right}" y2="${y}" stroke="#d8dde0"></line>`,
      `<text class="simwatch-chart__value" x="${plot.left - 6}" y="${y + 4}" font-size="${fontSize}" text-anchor="end">${share * 100}%</text>`,
    );
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b))
    parts.push(
      `<text class="simwatch-chart__value" x="${xAt(x)}" y="${plot.bottom + 16}" font-size="${fontSize}" text-anchor="middle">${x}</text>`,
    );
  parts.push(
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#212b32"></line>`,
    `<text class="simwatch-chart__label" x="${round((plot.left + plot.right) / 2)}" y="${height - 6}" font-size="${fontSize}" text-anchor="middle">${escapeXml(chart.xLabel)}</text>`,
    `<text class="simwatch-chart__label" x="0" y="${plot.top - 10}" font-size="${fontSize}" font-weight="bold">${escapeXml(chart.yLabel)}</text>`,
  );

  chart.series.slice(0, styles.length).forEach((series, index) => {
    const style = styles[index] ?? styles[0];
    const keyX = index === 0 ? 0 : 180;
    parts.push(
      `<line x1="${keyX}" y1="8" x2="${keyX + 24}" y2="8" stroke="${style.colour}" stroke-width="3"${style.dash}></line>`,
      marker(style.marker, keyX + 12, 8, style.colour),
      `<text class="simwatch-chart__label" x="${keyX + 30}" y="12" font-size="${fontSize}">${escapeXml(series.name)}</text>`,
    );
    const points = [...series.points].sort((a, b) => a.x - b.x);
    if (points.length > 1)
      parts.push(
        `<polyline fill="none" stroke="${style.colour}" stroke-width="3"${style.dash} points="${points.map((point) => `${xAt(point.x)},${yAt(point.y)}`).join(' ')}"></polyline>`,
      );
    for (const point of points)
      parts.push(marker(style.marker, xAt(point.x), yAt(point.y), style.colour));
  });

  const titleId = `${chart.id}-title`;
  const descriptionId = `${chart.id}-description`;
  return [
    `<svg class="simwatch-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width * scale}" height="${height * scale}" role="img" aria-labelledby="${titleId} ${descriptionId}">`,
    `<title id="${titleId}">${escapeXml(chart.title)}</title>`,
    `<desc id="${descriptionId}">${escapeXml(chart.description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

function marker(shape: 'circle' | 'square', x: number, y: number, colour: string): string {
  return shape === 'circle'
    ? `<circle cx="${x}" cy="${y}" r="4.5" fill="${colour}"></circle>`
    : `<rect x="${round(x - 4.5)}" y="${round(y - 4.5)}" width="9" height="9" fill="${colour}"></rect>`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

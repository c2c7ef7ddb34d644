import { escapeXml } from './escape-xml.js';
/** One bar: what it counts and how many. */
export interface Bar {
  name: string;
  value: number;
}

/** A labelled group of bars (one bar, or several that belong together). */
export interface BarGroup {
  label: string;
  bars: Bar[];
}

/** A horizontal bar chart: what it shows, the largest possible value, and the groups of bars. */
export interface BarChart {
  /** Prefix for the ids of the chart's title and description (unique on the page). */
  id: string;
  title: string;
  /** What the chart shows, read out by screen readers with the title. */
  description: string;
  /** The value a full-width bar stands for (such as the number of organisations). */
  max: number;
  groups: BarGroup[];
}

const width = 360;
const fontSize = 14;
const labelHeight = 22;
const barHeight = 20;
const barGap = 6;
const groupGap = 14;
/** Room kept right of the longest bar for its value ("Appear to continue: 12"). */
const valueRoom = 150;
/** Bars after the first in a group are told apart by their written names; the shade only helps. */
const fills = ['#005eb8', '#330072'];

/**
 * Draws a bar chart as SVG markup: `role="img"` named by its `<title>` and `<desc>`, each group's
 * label above its bars and each bar's name and value written beside it, so nothing depends on
 * colour. It scales to the width it is given (a phone's too) through its viewBox. Every text is
 * escaped. Show the same figures in a table as well.
 */
export function renderBarChart(chart: BarChart): string {
  const plot = width - valueRoom;
  const max = chart.max > 0 ? chart.max : Math.max(1, ...chart.groups.flatMap(valuesOf));
  const parts: string[] = [];
  let y = 0;
  for (const group of chart.groups) {
    y += labelHeight;
    parts.push(
      `<text class="simwatch-chart__label" x="0" y="${y - 6}" font-size="${fontSize}" font-weight="bold">${escapeXml(group.label)}</text>`,
    );
    const single = group.bars.length === 1;
    for (const [index, bar] of group.bars.entries()) {
      const value = Math.max(0, bar.value);
      const length = Math.round((Math.min(value, max) / max) * plot * 10) / 10;
      const text = single ? String(value) : `${bar.name}: ${value}`;
      parts.push(
        `<rect class="simwatch-chart__bar${index === 0 ? '' : ' simwatch-chart__bar--other'}" x="0" y="${y}" width="${length}" height="${barHeight}" fill="${fills[Math.min(index, 1)] ?? '#005eb8'}"></rect>`,
        `<text class="simwatch-chart__value" x="${length + 6}" y="${y + barHeight - 5}" font-size="${fontSize}">${escapeXml(text)}</text>`,
      );
      y += barHeight + barGap;
    }
    y += groupGap;
  }
  const height = Math.max(y - groupGap - barGap, 1);
  const titleId = `${chart.id}-title`;
  const descriptionId = `${chart.id}-description`;
  return [
    `<svg class="simwatch-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${titleId} ${descriptionId}">`,
    `<title id="${titleId}">${escapeXml(chart.title)}</title>`,
    `<desc id="${descriptionId}">${escapeXml(chart.description)}</desc>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** Describes a chart's figures in one sentence per group, for its `<desc>`. */
export function describeBarGroups(groups: readonly BarGroup[]): string {
  return groups
    .map((group) =>
      group.bars.length === 1
        ? `${group.label}: ${group.bars[0]?.value ?? 0}.`
        : `${group.label}: ${group.bars.map((bar) => `${bar.name.toLowerCase()} ${bar.value}`).join(', ')}.`,
    )
    .join(' ');
}

function valuesOf(group: BarGroup): number[] {
  return group.bars.map((bar) => bar.value);
}

import { escapeXml } from '../render/escape-xml.js';
import { markKindNames, markKinds, type MarkKind, type TimelineMark } from './timeline-marks.js';

const width = 600;
const laneHeight = 36;
const labelRoom = 120;
const rightRoom = 16;
const axisHeight = 28;
const fontSize = 13;

/**
 * Draws dated records on a horizontal time axis as SVG markup: one lane per kind, each named in
 * writing at its start and drawn in its own shape (assurance a circle, stated end a diamond,
 * return a square, evidence a triangle), so nothing depends on colour. The graphic is
 * `role="img"`, named by `label`, which should point to the table holding the same entries.
 * Each mark carries its day and kind as data attributes. Every text is escaped.
 */
export function renderTimelineChart(marks: readonly TimelineMark[], label: string): string {
  const height = markKinds.length * laneHeight + axisHeight;
  const plot = width - labelRoom - rightRoom;
  const years = marks.map((mark) => Number(mark.date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const lastYear = Math.max(...years) + 1;
  const start = Date.UTC(firstYear, 0, 1);
  const span = Date.UTC(lastYear, 0, 1) - start;
  const xOf = (date: string) =>
    round(labelRoom + ((Date.parse(`${date}T00:00:00Z`) - start) / span) * plot);
  const parts: string[] = [];
  for (const [lane, kind] of markKinds.entries()) {
    const y = lane * laneHeight + laneHeight / 2;
    parts.push(
      `<line class="simwatch-timeline-chart__lane" x1="${labelRoom}" x2="${width - rightRoom}" y1="${y}" y2="${y}"></line>`,
      `<g transform="translate(8 ${y})">${shape(kind)}</g>`,
      `<text class="simwatch-timeline-chart__label" x="22" y="${y + 4}" font-size="${fontSize}">${escapeXml(markKindNames[kind])}</text>`,
    );
  }
  const axisY = markKinds.length * laneHeight;
  parts.push(
    `<line class="simwatch-timeline-chart__axis" x1="${labelRoom}" x2="${width - rightRoom}" y1="${axisY}" y2="${axisY}"></line>`,
  );
  const step = Math.max(1, Math.ceil((lastYear - firstYear) / 8));
  for (let year = firstYear; year <= lastYear; year += step) {
    const x = xOf(`${String(year)}-01-01`);
    parts.push(
      `<line class="simwatch-timeline-chart__tick" x1="${x}" x2="${x}" y1="0" y2="${axisY + 4}"></line>`,
      `<text class="simwatch-timeline-chart__year" x="${x}" y="${axisY + 20}" font-size="${fontSize}" text-anchor="middle">${year}</text>`,
    );
  }
  for (const mark of marks) {
    const y = markKinds.indexOf(mark.kind) * laneHeight + laneHeight / 2;
    parts.push(
      `<g class="simwatch-timeline-chart__mark simwatch-timeline-chart__mark--${mark.kind}" data-date="${mark.date}" data-kind="${mark.kind}" transform="translate(${xOf(mark.date)} ${y})">${shape(mark.kind)}</g>`,
    );
  }
  return [
    `<svg class="simwatch-timeline-chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(label)}">`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The mark of each kind, centred on 0,0. */
function shape(kind: MarkKind): string {
  const css = `simwatch-timeline-chart__shape simwatch-timeline-chart__shape--${kind}`;
  switch (kind) {
    case 'assurance':
      return `<circle class="${css}" r="7"></circle>`;
    case 'stated_end':
      return `<polygon class="${css}" points="0,-8 8,0 0,8 -8,0"></polygon>`;
    case 'return':
      return `<rect class="${css}" x="-6.5" y="-6.5" width="13" height="13"></rect>`;
    case 'evidence':
      return `<polygon class="${css}" points="0,-8 8,7 -8,7"></polygon>`;
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

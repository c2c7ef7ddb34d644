import type { NhsEnglandRegion } from '../../register/organisations/nhs-england-region.js';
import { statusOrder, type StatusCode } from '../../register/status/organisation-status.js';
import { escapeXml } from '../render/escape-xml.js';
import type { RegionStatusRow } from './region-status-counts.js';

/** The short name of each status on a tile of the map (the key gives the full label). */
export const mapStatusNames: Readonly<Record<StatusCode, string>> = {
  contradicted: 'Contradicted',
  continuing: 'Continuing',
  used_ended: 'Used, ended',
  assured_not_used: 'Says not used',
  no_response: 'No response',
  not_yet_reviewed: 'Not reviewed',
};

/**
 * Where each region's tile sits, in tile widths and heights from the top left: roughly where the
 * region is, north at the top. Schematic, not to scale.
 */
const tilePlaces: Readonly<Record<NhsEnglandRegion, { column: number; row: number }>> = {
  'North West': { column: 0, row: 0 },
  'North East and Yorkshire': { column: 1, row: 0 },
  Midlands: { column: 0, row: 1 },
  'East of England': { column: 1, row: 1 },
  London: { column: 1, row: 2 },
  'South West': { column: 0, row: 2.5 },
  'South East': { column: 1, row: 3 },
};

/** Each status's pattern: a shape as well as a colour, so no one needs to tell colours apart. */
const patterns: Readonly<Record<StatusCode, string>> = {
  contradicted: '<rect width="6" height="6" fill="#d5281b"></rect>',
  continuing:
    '<rect width="6" height="6" fill="#ffffff"></rect><path d="M-1 1 l2 -2 M0 6 l6 -6 M5 7 l2 -2" stroke="#ed8b00" stroke-width="2.5"></path>',
  used_ended:
    '<rect width="6" height="6" fill="#ffffff"></rect><rect y="0" width="6" height="3" fill="#7c6a00"></rect>',
  assured_not_used:
    '<rect width="6" height="6" fill="#ffffff"></rect><circle cx="3" cy="3" r="1.8" fill="#005eb8"></circle>',
  no_response:
    '<rect width="6" height="6" fill="#ffffff"></rect><rect x="0" width="3" height="6" fill="#330072"></rect>',
  not_yet_reviewed: '<rect width="6" height="6" fill="#ffffff"></rect>',
};

const tileWidth = 172;
const tileHeight = 190;
const gap = 16;
const width = 2 * tileWidth + gap;
const rows = 4;
const height = rows * tileHeight + (rows - 1) * gap;

/** The id of a status's pattern, for the map's key to draw its swatches with. */
export function mapPatternId(status: StatusCode): string {
  return `map-pattern-${status.replace(/_/g, '-')}`;
}

/**
 * Draws the schematic map of England's seven NHS England regions as SVG markup: a tile for each,
 * placed roughly where the region is, with its name, its open organisations and how many have
 * each status, each status written out beside its pattern. Each tile is a link to the list of
 * organisations in that region (`hrefOf`), named with all its figures. It scales to the width it
 * is given through its viewBox. Every text is escaped. Show the same figures in a table too.
 */
export function renderRegionMap(
  rows: readonly RegionStatusRow[],
  options: { id: string; title: string; description: string; hrefOf: (region: string) => string },
): string {
  const titleId = `${options.id}-title`;
  const descriptionId = `${options.id}-description`;
  const defs = statusOrder.map(
    (status) =>
      `<pattern id="${mapPatternId(status)}" width="6" height="6" patternUnits="userSpaceOnUse">${patterns[status]}</pattern>`,
  );
  const tiles = rows.flatMap((row) => {
    const place = row.region in tilePlaces ? tilePlaces[row.region as NhsEnglandRegion] : undefined;
    return place ? [renderTile(row, place, options.hrefOf(row.region))] : [];
  });
  return [
    `<svg class="simwatch-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="100%" role="group" aria-labelledby="${titleId}" aria-describedby="${descriptionId}">`,
    `<title id="${titleId}">${escapeXml(options.title)}</title>`,
    `<desc id="${descriptionId}">${escapeXml(options.description)}</desc>`,
    `<defs>${defs.join('')}</defs>`,
    ...tiles,
    '</svg>',
  ].join('\n');
}

function renderTile(
  row: RegionStatusRow,
  place: { column: number; row: number },
  href: string,
): string {
  const x = place.column * (tileWidth + gap);
  const y = Math.round(place.row * (tileHeight + gap));
  const region = escapeXml(row.region);
  const nameLines = splitName(row.region);
  const parts = [
    `<rect class="simwatch-map__tile" x="${x}" y="${y}" width="${tileWidth}" height="${tileHeight}" rx="4" fill="#ffffff" stroke="#4c6272" stroke-width="2"></rect>`,
    ...nameLines.map(
      (line, index) =>
        `<text class="simwatch-map__name" x="${x + 10}" y="${y + 24 + index * 19}" font-size="16" font-weight="bold">${escapeXml(line)}</text>`,
    ),
    `<text class="simwatch-map__total" x="${x + 10}" y="${y + 66}" font-size="14"><tspan font-weight="bold" data-region="${region}" data-status="total">${row.total}</tspan> open ${row.total === 1 ? 'organisation' : 'organisations'}</text>`,
  ];
  for (const [index, status] of statusOrder.entries()) {
    const top = y + 78 + index * 18;
    parts.push(
      `<rect x="${x + 10}" y="${top + 2}" width="13" height="13" fill="url(#${mapPatternId(status)})" stroke="#212b32" stroke-width="1"></rect>`,
      `<text class="simwatch-map__status" x="${x + 30}" y="${top + 13}" font-size="13">${escapeXml(mapStatusNames[status])}</text>`,
      `<text class="simwatch-map__count" x="${x + tileWidth - 10}" y="${top + 13}" font-size="13" font-weight="bold" text-anchor="end" data-region="${region}" data-status="${status}">${row.counts[status]}</text>`,
    );
  }
  return `<a class="simwatch-map__link" href="${escapeXml(href)}">${parts.join('')}</a>`;
}

/** A region's name on at most two lines of a tile, broken at the space nearest the middle. */
function splitName(name: string): string[] {
  if (name.length <= 16) return [name];
  const middle = name.length / 2;
  const spaces = [...name.matchAll(/ /g)].map((match) => match.index);
  const at = spaces.reduce((best, each) =>
    Math.abs(each - middle) < Math.abs(best - middle) ? each : best,
  );
  return [name.slice(0, at), name.slice(at + 1)];
}

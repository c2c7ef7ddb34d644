/** The seven NHS England regions, as the reference lists name them, roughly north to south. */
export const nhsEnglandRegions = [
  'North East and Yorkshire',
  'North West',
  'Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;

/** One of the seven NHS England regions. */
export type NhsEnglandRegion = (typeof nhsEnglandRegions)[number];

/** Where organisations with no region, or one outside the seven, are counted together. */
export const outsideEngland = 'No region or outside England';

/** The seven regions and the group of the rest, as a filter or a table row names them. */
export type RegionArea = NhsEnglandRegion | typeof outsideEngland;

/**
 * Older and other names for parts of the seven regions: the government office regions that the
 * NHS England regions were made from (the demonstration register uses some of them).
 */
const variants: Readonly<Record<string, NhsEnglandRegion>> = {
  'north east': 'North East and Yorkshire',
  'yorkshire and the humber': 'North East and Yorkshire',
  'yorkshire and humber': 'North East and Yorkshire',
  yorkshire: 'North East and Yorkshire',
  'north east and yorkshire and the humber': 'North East and Yorkshire',
  'east midlands': 'Midlands',
  'west midlands': 'Midlands',
  'east of england': 'East of England',
  east: 'East of England',
  'london region': 'London',
};

/**
 * The NHS England region a recorded region names, ignoring capitals, "&" for "and", "NHS England"
 * before it and spaces; undefined for no region or one that is not in England's seven (such as
 * "Wales"), which the caller counts as `outsideEngland`.
 */
export function findNhsEnglandRegion(region: string | null): NhsEnglandRegion | undefined {
  if (region === null) return undefined;
  const folded = region
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z]+/g, ' ')
    .replace(/^\s*nhs england\s+/, '')
    .replace(/\s+region\s*$/, '')
    .trim();
  return (
    nhsEnglandRegions.find((each) => each.toLowerCase() === folded) ??
    (Object.hasOwn(variants, folded) ? variants[folded] : undefined)
  );
}

/** The region an organisation is counted in: one of the seven, or `outsideEngland`. */
export function regionAreaOf(region: string | null): RegionArea {
  return findNhsEnglandRegion(region) ?? outsideEngland;
}

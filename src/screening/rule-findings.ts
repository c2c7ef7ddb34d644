import type { Finding } from './finding.js';
import type { PreparedCatalogue } from './prepare-catalogue.js';
import { readPage } from './read-paragraph.js';

/**
 * What the catalogue's indicators and context rules alone make of a text: each match, scored by
 * the rules. The model weighs these among its features; the catalogue's examples are checked
 * against them.
 */
export function ruleFindingsOf(text: string, prepared: PreparedCatalogue): Finding[] {
  return readPage({ number: null, text }, prepared).flatMap((reading) =>
    reading.matches.map(({ finding }) => finding),
  );
}

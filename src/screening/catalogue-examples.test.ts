import { describe, expect, it } from 'vitest';
import { defaultThreshold } from './score-finding.js';
import { loadCatalogue } from './load-catalogue.js';
import { prepareCatalogue } from './prepare-catalogue.js';
import { ruleFindingsOf } from './rule-findings.js';

const catalogue = loadCatalogue();
const prepared = prepareCatalogue(catalogue);

/** The indicators the catalogue's own rules count in a text. */
function countedIndicators(text: string): string[] {
  return ruleFindingsOf(text, prepared)
    .filter((finding) => finding.score >= defaultThreshold)
    .map((finding) => finding.indicator);
}

describe('the shipped indicator catalogue', () => {
  it('has a version and covers every label', () => {
    expect(catalogue.version).toMatch(/\S/);
    const covered = new Set(catalogue.indicators.map((indicator) => indicator.label));
    expect([...covered].sort()).toEqual(
      [
        'assurance',
        'coercion_sanctions',
        'discrimination_hiu',
        'police_in_care',
        'sim_named',
      ].sort(),
    );
  });

  for (const indicator of catalogue.indicators) {
    describe(`indicator "${indicator.id}"`, () => {
      it.each(indicator.examples.match)('its rules count its example: %s', (example) => {
        expect(countedIndicators(example)).toContain(indicator.id);
      });
      it.each(indicator.examples.noMatch)('its rules do not count: %s', (example) => {
        expect(countedIndicators(example)).not.toContain(indicator.id);
      });
    });
  }
});

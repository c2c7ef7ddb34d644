import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load-catalogue.js';
import { createScreeningEngine } from './screening-engine.js';

const catalogue = loadCatalogue();
const engine = createScreeningEngine(catalogue);

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
      it.each(indicator.examples.match)('matches its example: %s', (example) => {
        const ids = engine.screenText(example).findings.map((finding) => finding.indicator);
        expect(ids).toContain(indicator.id);
      });
      it.each(indicator.examples.noMatch)('does not match its counter-example: %s', (example) => {
        const ids = engine.screenText(example).findings.map((finding) => finding.indicator);
        expect(ids).not.toContain(indicator.id);
      });
    });
  }
});

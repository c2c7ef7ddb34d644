import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../load-catalogue.js';
import { createScreeningEngine } from '../screening-engine.js';
import { fixedModel } from '../test-support/fixed-model.js';
import { countFalseLeads } from './count-false-leads.js';

const catalogue = loadCatalogue();
const engine = createScreeningEngine({
  catalogue,
  model: fixedModel({
    catalogueVersion: catalogue.version,
    labels: { police_in_care: { bias: 3 } },
  }),
});

describe('countFalseLeads()', () => {
  it('counts findings per 100,000 words, by label, with where each was', () => {
    const ordinary = 'The board approved the minutes and noted the finance report. '.repeat(100);
    const leads = countFalseLeads(
      [
        { name: 'minutes.md', text: ordinary },
        {
          name: 'plan.md',
          text: 'A police officer joins the nurses of the crisis team each week.',
        },
      ],
      engine,
    );
    expect(leads).toMatchObject({ documents: 2, words: 1012, findings: 1 });
    expect(leads.perHundredThousandWords).toBeCloseTo(100_000 / 1012);
    expect(leads.byLabel).toEqual({ police_in_care: 1 });
    expect(leads.examples[0]).toMatchObject({ document: 'plan.md', label: 'police_in_care' });
  });
});

import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load-catalogue.js';
import { createScreeningEngine } from './screening-engine.js';
import { fixedModel } from './test-support/fixed-model.js';

const catalogue = loadCatalogue();

/** An engine whose model finds police in care wherever the police frame is, unless critique. */
function policeEngine(options: { critiqueWeight?: number } = {}) {
  const model = fixedModel({
    catalogueVersion: catalogue.version,
    labels: {
      police_in_care: { bias: -2, weights: { 'frame:police': 3, 'frame:clinician': 1 } },
      sim_named: { bias: -1, weights: { 'frame:sim_name': 3 } },
    },
    stances: { critique: { bias: -3, weights: { 'frame:critique': options.critiqueWeight ?? 6 } } },
  });
  return createScreeningEngine({ catalogue, model });
}

describe('screenText() with a model of known weights', () => {
  const engine = policeEngine();

  it('reports a proposed passage with its exact excerpt, offsets, score and reasons', () => {
    const text =
      'Finance update noted.\n\nA police officer is embedded in the community mental health team. The board noted this.';
    const { labels, findings } = engine.screenText(text);
    expect(labels).toEqual(['police_in_care']);
    const [finding] = findings;
    if (!finding) throw new Error('expected a finding');
    expect(finding.excerpt).toBe(
      'A police officer is embedded in the community mental health team. The board noted this.',
    );
    expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
    expect(finding.page).toBeNull();
    expect(finding.pages).toEqual([null]);
    // σ(−2 + 3): the police frame's weight and the model's bias (no clinician is named).
    expect(finding.score).toBeCloseTo(1 / (1 + Math.exp(-1)), 3);
    expect(finding.stance).toBe('practice');
    expect(finding.modelVersion).toBe('test-model');
    expect(finding.proposedBy.map((proposal) => proposal.id)).toEqual(
      expect.arrayContaining(['police-joined-to-care-team', 'frame:police']),
    );
    expect(finding.indicator).toBe('police-joined-to-care-team');
    expect(finding.explanation[0]).toBe(
      'The passage names the police (officers, constables, sergeants, law enforcement).',
    );
    expect(finding.nearest).toMatchObject({ id: 'example-1', source: 'https://example.org/page' });
    for (const highlight of finding.highlights) {
      expect(highlight.start).toBeGreaterThanOrEqual(finding.start);
      expect(highlight.end).toBeLessThanOrEqual(finding.end);
    }
  });

  it('reports nothing for a passage the model reads as critique', () => {
    const text =
      'Campaigners say police officers were embedded in community mental health teams, which is harmful.';
    expect(engine.screenText(text, 0).findings).toEqual([]);
    expect(policeEngine({ critiqueWeight: 0 }).screenText(text).labels).toEqual(['police_in_care']);
  });

  it('drops findings below the threshold it is given', () => {
    const text = 'A police officer works alongside the clinicians of the crisis team every week.';
    expect(engine.screenText(text).labels).toEqual(['police_in_care']);
    expect(engine.screenText(text, 0.99).findings).toEqual([]);
  });

  it('reports a passage repeated on several pages once, with every page', () => {
    const repeated = 'The SIM team works with police officers and nurses in the crisis team.';
    const { findings } = engine.screenPages([
      { number: 1, text: repeated },
      { number: 2, text: 'Quarterly finance report.' },
      { number: 3, text: repeated },
    ]);
    const police = findings.filter((finding) => finding.label === 'police_in_care');
    expect(police).toHaveLength(1);
    expect(police[0]?.pages).toEqual([1, 3]);
  });

  it('reports one finding per passage and label in a long paragraph, the strongest', () => {
    const sentences = [
      'The board met in May.',
      'A police officer joined the crisis team.',
      'A police officer and a nurse visit each patient.',
      'Minutes were approved.',
      'Actions were reviewed.',
      'The finance report was noted.',
      'The date of the next meeting was set.',
    ];
    const { findings } = engine.screenText(sentences.join(' '));
    // Two candidate sentences make overlapping windows; the paragraph gives one finding.
    expect(findings.filter((finding) => finding.label === 'police_in_care')).toHaveLength(1);
  });

  it('does not read a fragment, a heading or a run of bullets as a passage', () => {
    expect(engine.screenText('Police officer and nurse').findings).toEqual([]);
    expect(
      engine.screenText('Our offer • police officer in the crisis team • nurses • social workers')
        .findings,
    ).toEqual([]);
  });

  it('reports an assurance about SIM or the police, and not one about audits', () => {
    const sim = engine.screenText('The Trust has never operated SIM or any SIM-type model.');
    expect(sim.labels).toEqual(['assurance']);
    expect(sim.findings[0]).toMatchObject({ stance: 'assurance', modelVersion: null });
    expect(
      engine.screenText('The Trust confirmed that no further audits would be needed this year.')
        .labels,
    ).toEqual([]);
  });

  it('refuses a model trained with another version of the catalogue', () => {
    const model = fixedModel({ catalogueVersion: 'another' });
    expect(() => createScreeningEngine({ catalogue, model })).toThrow(
      /trained with catalogue another, and the catalogue is/,
    );
  });
});

describe('the shipped model', () => {
  const engine = createScreeningEngine();

  it('was trained with the shipped catalogue, and carries its evaluation', () => {
    expect(engine.model.catalogueVersion).toBe(catalogue.version);
    expect(engine.model.evaluation).toMatchObject({ folds: 5, threshold: 0.5 });
    expect(engine.model.examples.length).toBeGreaterThan(100);
  });

  it('does not mistake a phone SIM card for the SIM model', () => {
    expect(
      engine.screenText('Crisis team phones have a SIM card and a data allowance.').labels,
    ).toEqual([]);
  });

  it('finds nothing in ordinary board minutes', () => {
    const text =
      'The Board noted the finance report for month seven. Estates work on the new inpatient unit remains on schedule.';
    expect(engine.screenText(text, 0).findings).toEqual([]);
  });
});

describe('sketchText()', () => {
  const engine = policeEngine();

  it('sketches passages so that like is nearer like', async () => {
    const { sketchSimilarity } = await import('./model/nearest-example.js');
    const a = engine.sketchText('A police officer joins the nurses of the crisis team each week.');
    const b = engine.sketchText('A police officer joins the nurses of the crisis team each month.');
    const c = engine.sketchText('The Trust has never operated SIM or any SIM-type model.');
    if (!a || !b || !c) throw new Error('expected sketches');
    expect(sketchSimilarity(a, b)).toBeGreaterThan(sketchSimilarity(a, c));
    expect(engine.sketchText('The board approved the minutes.')).toBeUndefined();
  });
});

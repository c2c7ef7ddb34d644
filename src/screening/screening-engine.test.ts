import { describe, expect, it } from 'vitest';
import { createScreeningEngine } from './screening-engine.js';

const engine = createScreeningEngine();

describe('screenText()', () => {
  it('reports practice with the exact excerpt and its offsets', () => {
    const text =
      'Finance update noted.\n\nA police officer is embedded in the community mental health team. The board noted this.';
    const { labels, findings } = engine.screenText(text);
    expect(labels).toEqual(['police_in_care']);
    const finding = findings[0];
    expect(finding).toBeDefined();
    if (!finding) return;
    expect(finding.excerpt).toBe(
      'A police officer is embedded in the community mental health team.',
    );
    expect(text.slice(finding.start, finding.end)).toBe(finding.excerpt);
    expect(finding.page).toBeNull();
    expect(finding.reason).toMatch(/police/i);
    for (const highlight of finding.highlights) {
      expect(highlight.start).toBeGreaterThanOrEqual(finding.start);
      expect(highlight.end).toBeLessThanOrEqual(finding.end);
    }
    expect(finding.score).toBeGreaterThanOrEqual(0.5);
    expect(finding.score).toBeLessThanOrEqual(1);
  });

  it('does not report a campaigner’s critique of SIM as evidence of SIM', () => {
    const text =
      'Campaigners say Serenity Integrated Mentoring placed police officers in community mental health teams and must end.';
    expect(engine.screenText(text).labels).toEqual([]);
    const discounted = engine.screenText(text, 0).findings;
    expect(discounted.length).toBeGreaterThan(0);
    expect(
      discounted.every((finding) => finding.context.some((note) => /critique/.test(note))),
    ).toBe(true);
  });

  it('discounts practice words when a nearby sentence reports concerns', () => {
    const text =
      'Staff raised serious concerns in a 2019 survey. The following year SIM was rolled out to two more boroughs.';
    expect(engine.screenText(text).labels).toEqual([]);
  });

  it('reports an assurance as an assurance and not as the practice it denies', () => {
    const { labels } = engine.screenText('The Trust has never operated SIM or any SIM-type model.');
    expect(labels).toEqual(['assurance']);
  });

  it('does not count a negated practice', () => {
    const { labels } = engine.screenText(
      'Police officers are not involved in care planning for our patients.',
    );
    expect(labels).not.toContain('police_in_care');
  });

  it('leaves emergency police work and street triage alone', () => {
    const text =
      'The street triage car pairs a mental health nurse with a police officer to respond to people in crisis.';
    expect(engine.screenText(text).labels).toEqual([]);
  });

  it('does not mistake a phone SIM card for the SIM model', () => {
    expect(
      engine.screenText('Crisis team phones have a SIM card and a data allowance.').labels,
    ).toEqual([]);
  });

  it('finds withholding of care in a response plan', () => {
    const { labels } = engine.screenText(
      'The response plan advises ambulance crews that no conveyance is required.',
    );
    expect(labels).toContain('coercion_sanctions');
  });

  it('keeps page numbers and offsets per page', () => {
    const { findings } = engine.screenPages([
      { number: 1, text: 'Quarterly finance report.' },
      { number: 2, text: 'Intro. The SIM team will be expanded to cover the east of the county.' },
    ]);
    expect(findings.map((finding) => finding.page)).toEqual(expect.arrayContaining([2]));
    expect(findings.every((finding) => finding.page === 2)).toBe(true);
  });

  it('drops findings below the threshold it is given', () => {
    const text = 'SIM gives each service user a named clinician and a structured weekly plan.';
    expect(engine.screenText(text).labels).toEqual(['sim_named']);
    expect(engine.screenText(text, 0.99).findings).toEqual([]);
  });

  it('finds nothing in ordinary board minutes', () => {
    const text =
      'The Board noted the finance report for month seven. Estates work on the new inpatient unit remains on schedule.';
    expect(engine.screenText(text, 0).findings).toEqual([]);
  });
});

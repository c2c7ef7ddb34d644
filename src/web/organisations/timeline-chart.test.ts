import { describe, expect, it } from 'vitest';

import {
  assurance,
  evidence,
  organisationFacts,
  reviewReturn,
} from '../../register/status/test-support/organisation-facts.js';
import { renderTimelineChart } from './timeline-chart.js';
import { listTimelineMarks } from './timeline-marks.js';

const facts = organisationFacts({
  returns: [
    reviewReturn({ id: 7, respondedOn: '2024-03-12', usedModel: true, usedUntil: '2021-03-31' }),
  ],
  assurances: [assurance('will_end', '2024-09-16', { id: 5, scopeDate: '2025-03-31' })],
  evidence: [
    evidence('police_in_care', '2023-09-28', { findingId: 9 }),
    evidence('sim_named', null, { findingId: 10 }),
  ],
});

describe('listTimelineMarks()', () => {
  it('lists assurances, stated ends, returns and dated evidence, oldest first', () => {
    expect(listTimelineMarks(facts).map((mark) => [mark.date, mark.kind, mark.href])).toEqual([
      ['2021-03-31', 'stated_end', '#return-7'],
      ['2023-09-28', 'evidence', '#finding-9'],
      ['2024-03-12', 'return', '#return-7'],
      ['2024-09-16', 'assurance', '#assurance-5'],
      ['2025-03-31', 'stated_end', '#assurance-5'],
    ]);
  });

  it('says what each mark is in words', () => {
    const texts = listTimelineMarks(facts).map((mark) => mark.text);
    expect(texts).toContain('End of use promised in the assurance of 16 September 2024');
    expect(texts).toContain(
      'Confirmed evidence of police in care planning in "Crisis pathway policy"',
    );
  });
});

describe('renderTimelineChart()', () => {
  const svg = renderTimelineChart(listTimelineMarks(facts), 'Timeline <graphic>');

  it('draws one mark per entry, each with its day and kind', () => {
    const marks = [...svg.matchAll(/data-date="([^"]+)" data-kind="([^"]+)"/g)].map((match) => [
      match[1],
      match[2],
    ]);
    expect(marks).toEqual(listTimelineMarks(facts).map((mark) => [mark.date, mark.kind]));
  });

  it('tells kinds apart by shape and a written lane label, not colour alone', () => {
    for (const label of ['Assurance', 'Stated end', 'Review return', 'Evidence'])
      expect(svg).toContain(`>${label}</text>`);
    expect(svg).toMatch(/mark--assurance"[^>]*><circle /);
    expect(svg).toMatch(/mark--stated_end"[^>]*><polygon [^>]*points="0,-8 8,0 0,8 -8,0"/);
    expect(svg).toMatch(/mark--return"[^>]*><rect /);
    expect(svg).toMatch(/mark--evidence"[^>]*><polygon [^>]*points="0,-8 8,7 -8,7"/);
  });

  it('is an image named by its (escaped) label, placing later days further right', () => {
    expect(svg).toContain('role="img" aria-label="Timeline &lt;graphic&gt;"');
    const xs = [...svg.matchAll(/data-kind="[^"]+" transform="translate\(([\d.]+) /g)].map(
      (match) => Number(match[1]),
    );
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(xs.length);
  });
});

import { describe, expect, it } from 'vitest';

import type { TriageFinding } from '../../../register/findings/triage-repository.js';
import { findingView } from './finding-view.js';
import { groupTriageFindings } from './triage-groups.js';

const pageText =
  'Minutes. Serenity Integrated Mentoring (SIM) was adopted and the SIM team includes a police officer. Other business.';
const passage =
  'Serenity Integrated Mentoring (SIM) was adopted and the SIM team includes a police officer.';
const start = pageText.indexOf(passage);
const at = (text: string) => ({
  start: pageText.indexOf(text),
  end: pageText.indexOf(text) + text.length,
});

function finding(overrides: Partial<TriageFinding>): TriageFinding {
  return {
    id: 1,
    status: 'pending',
    label: 'sim_named',
    indicator: 'sim-full-name',
    reason: 'Names SIM.',
    excerpt: passage,
    page: 3,
    ocr: null,
    start,
    end: start + passage.length,
    score: 0.7,
    pages: [3],
    stance: 'practice',
    proposedBy: [],
    explanation: [],
    against: [],
    nearest: null,
    modelVersion: 'model-a',
    documentId: 9,
    documentTitle: 'Board pack',
    documentDate: '2026-01-15',
    organisations: [{ code: 'ZZT1', name: 'Northmoor' }],
    decisions: [],
    pageText,
    catalogueVersion: '1',
    highlights: [at('Serenity Integrated Mentoring')],
    assignment: null,
    ...overrides,
  };
}

describe('groupTriageFindings()', () => {
  it('lists documents, under each its passages once, under each passage its findings by label', () => {
    const documents = groupTriageFindings(
      [
        finding({ id: 1 }),
        finding({ id: 2, label: 'police_in_care', highlights: [at('police officer')] }),
        finding({ id: 3, page: 5, pageText: undefined, highlights: [] }),
        finding({ id: 4, documentId: 10, documentTitle: 'Policy' }),
      ].map((each) => findingView(each)),
    );
    expect(documents.map((document) => [document.documentTitle, document.findingIds])).toEqual([
      ['Board pack', [1, 2, 3]],
      ['Policy', [4]],
    ]);
    const [first, second] = documents[0]?.passages ?? [];
    expect(first?.pageName).toBe('Page 3');
    expect(first?.findings.map((each) => each.title)).toEqual([
      'SIM by name, page 3',
      'Police in care planning, page 3',
    ]);
    // Both findings' words marked in the one passage.
    expect(first?.segments.filter((segment) => segment.highlighted).map((s) => s.text)).toEqual([
      'Serenity Integrated Mentoring',
      'police officer',
    ]);
    expect(second?.segments).toEqual([{ text: passage, highlighted: true }]);
  });
});

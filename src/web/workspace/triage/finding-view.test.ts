import { describe, expect, it } from 'vitest';

import { sampleEvaluation } from '../../test-support/sample-evaluation.js';
import {
  calibrationSentence,
  estimateOf,
  findingView,
  pagesText,
  passageSegments,
} from './finding-view.js';
import type { TriageFinding } from '../../../register/findings/triage-repository.js';

const finding: TriageFinding = {
  id: 7,
  status: 'pending',
  label: 'police_in_care',
  indicator: 'police-in-care-planning',
  reason: 'Police take part in care planning.',
  excerpt: 'Police officers attend the care planning meeting.',
  page: 2,
  ocr: null,
  start: 10,
  end: 60,
  score: 0.734,
  pages: [2, 5, 2],
  stance: 'practice',
  proposedBy: [
    { id: 'police-in-care-planning', reason: 'Police take part in care planning.' },
    { id: 'frame:police', reason: 'names the police (officers, constables)' },
  ],
  explanation: ['The passage uses the words "care planning".'],
  against: ['The passage describes an emergency response.'],
  nearest: {
    id: 't1-001',
    source: 'https://example.org/report',
    labels: ['police_in_care'],
    stance: 'practice',
    similarity: 0.61,
  },
  modelVersion: 'model-a',
  documentId: 3,
  documentTitle: 'Board paper',
  documentDate: '2026-03-05',
  organisations: [{ code: 'DEMO-T01', name: 'Demo Trust' }],
  decisions: [],
  pageText: 'Page two. Police officers attend the care planning meeting. More text.',
  catalogueVersion: '2026.11.26',
  highlights: [],
  assignment: null,
};

describe('findingView()', () => {
  it('words the score as the model’s estimate, with how often such estimates came true', () => {
    const view = findingView(finding, {
      calibration: { modelVersion: 'model-a', summary: sampleEvaluation().calibration },
    });
    expect(view.estimate).toEqual({
      kind: 'model',
      shown: '73%',
      text: 'The model’s estimate that this passage shows police in care planning: 73%.',
      brief: 'The model’s estimate: 73%',
      calibration:
        'When the model was tested, it gave an estimate from 70% to 80% 70 times, and the passage really showed what it was judged for 70% of the time.',
    });
    expect(view.labelName).toBe('Police in care planning');
    expect(view.stanceName).toBe('Describes a practice');
  });

  it('gives no calibration for a finding another model judged', () => {
    const view = findingView(finding, {
      calibration: { modelVersion: 'model-b', summary: sampleEvaluation().calibration },
    });
    expect(view.estimate.calibration).toBeNull();
  });

  it('names indicators and word lists apart, each reason starting with a capital', () => {
    expect(findingView(finding).proposals).toEqual([
      {
        id: 'police-in-care-planning',
        reason: 'Police take part in care planning.',
        kind: 'indicator',
        name: 'police-in-care-planning',
      },
      {
        id: 'frame:police',
        reason: 'Names the police (officers, constables)',
        kind: 'word list',
        name: 'police',
      },
    ]);
  });

  it('falls back on the finding’s own indicator when nothing else proposed it', () => {
    const proposals = findingView({ ...finding, proposedBy: [] }).proposals;
    expect(proposals.map((proposal) => proposal.id)).toEqual(['police-in-care-planning']);
  });

  it('shows the nearest training passage by id and source link, with its labels in words', () => {
    expect(findingView(finding).nearestExample).toEqual({
      id: 't1-001',
      sourceUrl: 'https://example.org/report',
      sourceText: 'example.org/report',
      labelsText: 'Police in care planning',
      stanceName: 'Describes a practice',
      similarity: 0.61,
    });
    const unlinked = findingView({
      ...finding,
      nearest: {
        id: 'x',
        source: 'javascript:alert(1)',
        labels: [],
        stance: 'neutral',
        similarity: 0.2,
      },
    }).nearestExample;
    expect(unlinked).toMatchObject({
      sourceUrl: null,
      labelsText: 'No feature of concern',
      stanceName: 'Neither describes a practice as done nor criticises it',
    });
  });

  it('places the passage in its page, and links to its page of the document', () => {
    const view = findingView(finding, { radius: 5 });
    expect(view.context).toMatchObject({
      match: finding.excerpt,
      located: true,
      clippedBefore: true,
    });
    expect(view.documentUrl).toBe('/documents/3#page-2');
    expect(view.pagesText).toBe('Pages 2 and 5');
  });
});

describe('estimateOf()', () => {
  it('gives an assurance the rules’ strength, saying it is not an estimate', () => {
    expect(estimateOf({ score: 0.8, modelVersion: null }, 'assurance')).toEqual({
      kind: 'rules',
      shown: '0.80 out of 1',
      text: 'The catalogue’s rules give this assurance a strength of 0.80 out of 1. This is not an estimate of how likely it is to be right: there are too few real assurances to make one.',
      brief: 'The rules’ strength: 0.80 out of 1 (not an estimate)',
      calibration: null,
    });
  });

  it('says a finding screened before the model has the rules’ strength only', () => {
    expect(estimateOf({ score: 0.85, modelVersion: null }, 'sim_named').text).toBe(
      'The catalogue’s rules give this finding a strength of 0.85 out of 1. This is not an estimate of how likely it is to be right: it was screened before simwatch used a model.',
    );
  });
});

describe('calibrationSentence()', () => {
  const { calibration } = sampleEvaluation();

  it('puts an estimate of 100% in the last band, and says "once" for a single one', () => {
    const bands = calibration.bands.map((band) => ({ ...band, count: 1, observed: 1 }));
    expect(calibrationSentence(1, { ...calibration, bands })).toBe(
      'When the model was tested, it gave an estimate from 90% to 100% once, and the passage really showed what it was judged for 100% of the time.',
    );
  });

  it('says nothing when no estimate like it was given in testing', () => {
    const bands = calibration.bands.map((band) => ({ ...band, count: 0 }));
    expect(calibrationSentence(0.5, { ...calibration, bands })).toBeNull();
  });
});

describe('pagesText()', () => {
  it.each([
    [[3], null],
    [[null], null],
    [[3, 3], null],
    [[7, 2, 5], 'Pages 2, 5 and 7'],
    [[1, null, 4], 'Pages 1 and 4'],
  ])('shows the pages %j as %s', (pages, shown) => {
    expect(pagesText(pages)).toBe(shown);
  });
});

describe('passageSegments()', () => {
  it('marks the words that matched, as the CLI does', () => {
    const excerpt = 'Police officers attend the care planning meeting.';
    expect(
      passageSegments({
        excerpt,
        start: 10,
        highlights: [
          { start: 10, end: 25 },
          { start: 37, end: 50 },
        ],
      }),
    ).toEqual([
      { text: 'Police officers', highlighted: true },
      { text: ' attend the ', highlighted: false },
      { text: 'care planning', highlighted: true },
      { text: ' meeting.', highlighted: false },
    ]);
  });

  it('marks the whole passage of a finding recorded without its words', () => {
    expect(passageSegments({ excerpt: 'A passage.', start: 0, highlights: [] })).toEqual([
      { text: 'A passage.', highlighted: true },
    ]);
  });
});

describe('findingView() titles', () => {
  it('titles a finding by its label and page', () => {
    expect(findingView(finding).title).toBe('Police in care planning, page 2');
  });
});

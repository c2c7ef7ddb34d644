import { describe, expect, it } from 'vitest';

import type { Finding } from './finding.js';
import { mergeOverlappingFindings } from './merge-overlapping-findings.js';

const page =
  'The board met. A police officer attends care planning meetings. The SIM team meets weekly. Minutes were agreed.';
const sentence = (text: string) => ({
  start: page.indexOf(text),
  end: page.indexOf(text) + text.length,
});

function finding(text: string, overrides: Partial<Finding> & { words?: string[] } = {}): Finding {
  const { start, end } = sentence(text);
  const { words = [], ...rest } = overrides;
  return {
    label: 'police_in_care',
    indicator: 'police-in-care-planning',
    reason: 'Police take part in care planning.',
    proposedBy: [{ id: 'police-in-care-planning', reason: 'Police take part in care planning.' }],
    excerpt: page.slice(start, end),
    page: 4,
    pages: [4],
    start,
    end,
    score: 0.6,
    highlights: words.map(sentence),
    stance: 'practice',
    explanation: [],
    against: [],
    nearest: null,
    modelVersion: 'model-a',
    context: [],
    ...rest,
  };
}

const first = 'The board met. A police officer attends care planning meetings.';
const second = 'A police officer attends care planning meetings. The SIM team meets weekly.';

describe('mergeOverlappingFindings()', () => {
  it('makes one finding of overlapping passages with the same label, keeping every proposer and matched word', () => {
    const merged = mergeOverlappingFindings([
      finding(first, { score: 0.55, words: ['police officer'] }),
      finding(second, {
        score: 0.7,
        indicator: 'police-on-care-panel',
        reason: 'Police sit on a panel.',
        proposedBy: [
          { id: 'frame:police', reason: 'names the police' },
          { id: 'police-on-care-panel', reason: 'Police sit on a panel.' },
        ],
        words: ['care planning', 'SIM team'],
        explanation: ['The strongest reason.'],
      }),
    ]);
    expect(merged).toHaveLength(1);
    const [one] = merged;
    const whole = sentence(
      'The board met. A police officer attends care planning meetings. The SIM team meets weekly.',
    );
    expect(one).toMatchObject({
      ...whole,
      excerpt: page.slice(whole.start, whole.end),
      score: 0.7,
      explanation: ['The strongest reason.'],
      indicator: 'police-on-care-panel',
    });
    expect(one?.proposedBy.map((proposal) => proposal.id)).toEqual([
      'police-on-care-panel',
      'police-in-care-planning',
      'frame:police',
    ]);
    expect(one?.highlights).toEqual(['police officer', 'care planning', 'SIM team'].map(sentence));
  });

  it('keeps apart findings of different labels, pages or passages that do not overlap', () => {
    const findings = [
      finding(first),
      finding(first, { label: 'sim_named' }),
      finding(first, { page: 5, pages: [5] }),
      finding('Minutes were agreed.'),
    ];
    expect(mergeOverlappingFindings(findings)).toHaveLength(4);
  });

  it('makes one finding of the same passage proposed twice', () => {
    const merged = mergeOverlappingFindings([
      finding(first, { words: ['police officer'] }),
      finding(first, {
        proposedBy: [{ id: 'police-mentor-role', reason: 'A police mentor.' }],
        words: ['care planning'],
      }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.excerpt).toBe(first);
    expect(merged[0]?.proposedBy).toHaveLength(2);
    expect(merged[0]?.highlights).toHaveLength(2);
  });

  it('chains passages that each overlap the next into one', () => {
    const merged = mergeOverlappingFindings([
      finding(first),
      finding(second),
      finding('The SIM team meets weekly. Minutes were agreed.'),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.excerpt).toBe(page);
  });
});

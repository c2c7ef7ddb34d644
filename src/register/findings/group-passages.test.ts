import { describe, expect, it } from 'vitest';

import { countPassageLabels, groupByPassage } from './group-passages.js';

const at = (documentId: number, page: number | null, start: number, end: number, label = 'a') => ({
  documentId,
  page,
  start,
  end,
  label,
});

describe('groupByPassage()', () => {
  it('puts findings whose passages overlap on one page of one document in one group', () => {
    const groups = groupByPassage([
      at(1, 2, 10, 50, 'police_in_care'),
      at(1, 2, 40, 90, 'sim_named'),
      at(1, 2, 100, 140),
      at(1, 3, 10, 50),
      at(2, 2, 10, 50),
    ]);
    expect(groups.map((group) => [group.documentId, group.page, group.start, group.end])).toEqual([
      [1, 2, 10, 90],
      [1, 2, 100, 140],
      [1, 3, 10, 50],
      [2, 2, 10, 50],
    ]);
    expect(groups[0]?.findings.map((finding) => finding.label)).toEqual([
      'police_in_care',
      'sim_named',
    ]);
  });

  it('keeps passages that only touch apart', () => {
    expect(groupByPassage([at(1, null, 0, 10), at(1, null, 10, 20)])).toHaveLength(2);
  });
});

describe('countPassageLabels()', () => {
  it('counts each label of each passage once', () => {
    expect(
      countPassageLabels([
        at(1, 2, 10, 50, 'police_in_care'),
        at(1, 2, 20, 60, 'police_in_care'),
        at(1, 2, 20, 60, 'sim_named'),
        at(1, 4, 0, 30, 'police_in_care'),
      ]),
    ).toBe(3);
    expect(countPassageLabels([])).toBe(0);
  });
});

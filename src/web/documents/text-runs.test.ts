import { describe, expect, it } from 'vitest';

import { buildTextRuns, locateFinding, type TextRun } from './text-runs.js';

/** The runs as compact strings: plain text as is, highlights as [ids:text], markers as {text}. */
function show(runs: readonly TextRun[]): string {
  return runs
    .map((run) => {
      const inner = run.pieces
        .map((piece) => (piece.redacted ? `{${piece.text}}` : piece.text))
        .join('');
      return run.findingIds.length === 0 ? inner : `[${run.findingIds.join(',')}:${inner}]`;
    })
    .join('');
}

const text = 'Police attend the panel. Call 01632 960 123 now.';

describe('buildTextRuns()', () => {
  it.each([
    { name: 'no highlights: one plain run', highlights: [], hidden: [], shown: text },
    {
      name: 'one highlight in the middle',
      highlights: [{ start: 7, end: 23, findingId: 4 }],
      hidden: [],
      shown: 'Police [4:attend the panel]. Call 01632 960 123 now.',
    },
    {
      name: 'a highlight at the very start and one at the very end',
      highlights: [
        { start: 0, end: 6, findingId: 1 },
        { start: 44, end: 48, findingId: 2 },
      ],
      hidden: [],
      shown: '[1:Police] attend the panel. Call 01632 960 123 [2:now.]',
    },
    {
      name: 'overlapping highlights merge into one run naming both findings',
      highlights: [
        { start: 18, end: 29, findingId: 9 },
        { start: 0, end: 23, findingId: 3 },
      ],
      hidden: [],
      shown: '[3,9:Police attend the panel. Call] 01632 960 123 now.',
    },
    {
      name: 'touching highlights stay two runs',
      highlights: [
        { start: 0, end: 6, findingId: 1 },
        { start: 6, end: 13, findingId: 2 },
      ],
      hidden: [],
      shown: '[1:Police][2: attend] the panel. Call 01632 960 123 now.',
    },
    {
      name: 'offsets beyond the text are clipped, empty and reversed spans dropped',
      highlights: [
        { start: 44, end: 500, findingId: 1 },
        { start: 10, end: 10, findingId: 2 },
        { start: 12, end: 8, findingId: 3 },
      ],
      hidden: [],
      shown: 'Police attend the panel. Call 01632 960 123 [1:now.]',
    },
    {
      name: 'hidden personal data is replaced by its marker',
      highlights: [],
      hidden: [{ start: 30, end: 43, marker: '[phone number removed]' }],
      shown: 'Police attend the panel. Call {[phone number removed]} now.',
    },
    {
      name: 'a marker inside a highlight stays inside it',
      highlights: [{ start: 25, end: 48, findingId: 7 }],
      hidden: [{ start: 30, end: 43, marker: '[phone number removed]' }],
      shown: 'Police attend the panel. [7:Call {[phone number removed]} now.]',
    },
    {
      name: 'hidden data across the start of a highlight shows its marker once, before it',
      highlights: [{ start: 36, end: 48, findingId: 7 }],
      hidden: [{ start: 30, end: 43, marker: '[phone number removed]' }],
      shown: 'Police attend the panel. Call {[phone number removed]}[7: now.]',
    },
  ])('$name', ({ highlights, hidden, shown }) => {
    expect(show(buildTextRuns(text, highlights, hidden))).toBe(shown);
  });

  it('keeps every character of the text when nothing is hidden', () => {
    const runs = buildTextRuns(text, [
      { start: 3, end: 20, findingId: 1 },
      { start: 15, end: 33, findingId: 2 },
      { start: 40, end: 45, findingId: 3 },
    ]);
    expect(runs.flatMap((run) => run.pieces.map((piece) => piece.text)).join('')).toBe(text);
  });

  it('returns no runs for an empty page', () => {
    expect(buildTextRuns('', [{ start: 0, end: 3, findingId: 1 }])).toEqual([]);
  });
});

describe('locateFinding()', () => {
  it('uses the stored offsets when they still cover the excerpt', () => {
    expect(locateFinding(text, { start: 0, end: 24, excerpt: 'Police attend the panel.' })).toEqual(
      { start: 0, end: 24 },
    );
  });

  it('finds the excerpt in the text when the offsets do not fit it', () => {
    expect(locateFinding(text, { start: 3, end: 9, excerpt: 'attend the panel' })).toEqual({
      start: 7,
      end: 23,
    });
  });

  it('gives up when the excerpt is not in the text', () => {
    expect(locateFinding(text, { start: 0, end: 5, excerpt: 'not here' })).toBeNull();
    expect(locateFinding(text, { start: 0, end: 0, excerpt: '' })).toBeNull();
  });
});

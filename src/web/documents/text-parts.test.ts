import { describe, expect, it } from 'vitest';

import { chunkSpan, partShowing, planTextParts } from './text-parts.js';

const limits = { maxCharacters: 10, maxPages: 2 };
const page = (position: number, length: number) => ({ position, pageNumber: position, length });

describe('planTextParts()', () => {
  it('puts short pages together up to the page and character limits', () => {
    const parts = planTextParts([page(1, 3), page(2, 3), page(3, 3), page(4, 8)], limits);
    expect(parts.map((part) => part.map((chunk) => chunk.number))).toEqual([[1, 2], [3], [4]]);
  });

  it('cuts a long page into chunks, each starting its own part', () => {
    const parts = planTextParts([page(1, 25), page(2, 2)], limits);
    expect(
      parts.map((part) => part.map((chunk) => `${chunk.number}.${chunk.chunk}/${chunk.chunks}`)),
    ).toEqual([['1.0/3'], ['1.1/3'], ['1.2/3', '2.0/1']]);
  });

  it('gives a document without text no parts, and an empty page one', () => {
    expect(planTextParts([], limits)).toEqual([]);
    expect(planTextParts([page(1, 0)], limits)).toHaveLength(1);
  });
});

describe('chunkSpan() and partShowing()', () => {
  it('cover every character once, the last chunk running to the end of the text', () => {
    const chunks = planTextParts([page(1, 25)], limits).flat();
    expect(chunks.map((chunk) => chunkSpan(chunk, 27, limits.maxCharacters))).toEqual([
      { start: 0, end: 10 },
      { start: 10, end: 20 },
      { start: 20, end: 27 },
    ]);
  });

  it('finds the part that shows a place in the text', () => {
    const parts = planTextParts([page(1, 25), page(2, 2)], limits);
    expect(partShowing(parts, 1, 0, limits.maxCharacters)).toBe(1);
    expect(partShowing(parts, 1, 12, limits.maxCharacters)).toBe(2);
    expect(partShowing(parts, 1, 26, limits.maxCharacters)).toBe(3);
    expect(partShowing(parts, 2, 1, limits.maxCharacters)).toBe(3);
    expect(partShowing(parts, 9, 1, limits.maxCharacters)).toBeUndefined();
  });
});

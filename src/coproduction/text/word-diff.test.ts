import { describe, expect, it } from 'vitest';

import { wordDiff, type DiffPart } from './word-diff.js';

const side = (parts: DiffPart[], kind: 'added' | 'removed'): string =>
  parts
    .filter((part) => part.kind === 'same' || part.kind === kind)
    .map((part) => part.text)
    .join('');

describe('wordDiff()', () => {
  it('shows a reworded phrase as one removal and one addition, not word by word', () => {
    const parts = wordDiff(
      'The trust will review the plan with the person each month.',
      'The trust will agree a new plan jointly with the person each month.',
    );
    expect(parts).toEqual([
      { kind: 'same', text: 'The trust will ' },
      { kind: 'removed', text: 'review the' },
      { kind: 'added', text: 'agree a new' },
      { kind: 'same', text: ' plan ' },
      { kind: 'added', text: 'jointly ' },
      { kind: 'same', text: 'with the person each month.' },
    ]);
  });

  it('joins changes separated only by a short word such as "the" into one change', () => {
    expect(wordDiff('Staff see the notes daily.', 'Staff keep the files daily.')).toEqual([
      { kind: 'same', text: 'Staff ' },
      { kind: 'removed', text: 'see the notes' },
      { kind: 'added', text: 'keep the files' },
      { kind: 'same', text: ' daily.' },
    ]);
  });

  it('always rebuilds both texts exactly, whitespace and line breaks included', () => {
    const pairs: [string, string][] = [
      ['# Policy\n\nVersion 3.\n', '# Policy\n\n\nVersion  4.\n'],
      ['', 'Something new.'],
      ['Something old.', ''],
      ['a b c d e f g', 'a x c y e z g'],
      ['Same text.', 'Same text.'],
      ['One two three four five six.', 'Six five four three two one.'],
    ];
    for (const [a, b] of pairs) {
      const parts = wordDiff(a, b);
      expect(side(parts, 'removed')).toBe(a);
      expect(side(parts, 'added')).toBe(b);
      for (const part of parts) expect(part.text).not.toBe('');
    }
  });

  it('reports identical texts as one unchanged part', () => {
    expect(wordDiff('No change here.', 'No change here.')).toEqual([
      { kind: 'same', text: 'No change here.' },
    ]);
  });

  it('keeps an unchanged long word between two changes visible', () => {
    const parts = wordDiff('red partnership blue', 'green partnership yellow');
    expect(parts).toContainEqual({ kind: 'same', text: ' partnership ' });
  });
});

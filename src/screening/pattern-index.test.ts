import { describe, expect, it } from 'vitest';
import type { CompiledPattern } from './compile-pattern.js';
import { createFoundWords, createWordFinder, findWords } from './find-words.js';
import type { AnchorWords, WordCondition } from './pattern-anchors.js';
import {
  buildPatternIndex,
  mayMatchWithoutWords,
  patternsThatMayMatch,
  type PatternIndex,
} from './pattern-index.js';
import { createSeededRandom } from '../seeded-random.js';
import { canBeChecked } from './word-table.js';

const exact = (...words: string[]): AnchorWords => ({ exact: new Set(words), prefixes: [] });
const prefix = (...words: string[]): AnchorWords => ({ exact: new Set(), prefixes: words });

const police = exact('police', 'constable');
const mental = exact('mental');
const sanction = prefix('sanction');
const everywhere = exact('the', 'police');
const the = exact('the');

const plain = (...requirements: AnchorWords[]): WordCondition => ({ requirements, choices: [] });

/**
 * Patterns that only carry requirements and word conditions: the index never runs their
 * expressions. Most have a condition of their requirements alone; the last two choose between
 * phrases, as lists do, and need all the words of one of them.
 */
const patterns: CompiledPattern[] = [
  [police],
  [police, mental],
  [mental, police],
  [sanction, mental],
  [sanction, police, mental],
  [everywhere],
  [everywhere, sanction],
  [],
  [exact('team'), exact('review'), police],
]
  .map((requirements) => ({ requirements, condition: plain(...requirements) }))
  .concat([
    {
      requirements: [exact('high', 'frequent')],
      condition: {
        requirements: [],
        choices: [
          [plain(exact('high'), exact('intensity')), plain(exact('frequent'), exact('callers'))],
        ],
      },
    },
    {
      // One option has only a word every sentence has: the choice always holds.
      requirements: [police],
      condition: {
        requirements: [police],
        choices: [[{ requirements: [], choices: [[plain(mental), plain(sanction)]] }, plain(the)]],
      },
    },
  ])
  .map((pattern, at) => ({ ...pattern, source: `pattern ${at}`, elements: [], shortestFirst: [] }));

/** Whether a text has one of the words of a requirement (the slow, plain way). */
function meets(text: string, requirement: AnchorWords): boolean {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.some(
    (word) =>
      requirement.exact.has(word) || requirement.prefixes.some((start) => word.startsWith(start)),
  );
}

/** Lists the patterns of a fresh index that may match a text. */
function createLister(): { index: PatternIndex; listed: (text: string) => number[] } {
  const index = buildPatternIndex(patterns);
  const finder = createWordFinder(index.words);
  const found = createFoundWords();
  return {
    index,
    listed: (text) => {
      findWords(finder, text, 0, text.length, found);
      return patternsThatMayMatch(index, found, 0, found.entries.length);
    },
  };
}

/** Whether a text meets a requirement, counting as met one that cannot be checked. */
function isMet(text: string, requirement: AnchorWords): boolean {
  return !canBeChecked(requirement) || meets(text, requirement);
}

function holds(text: string, condition: WordCondition): boolean {
  return (
    condition.requirements.every((requirement) => isMet(text, requirement)) &&
    condition.choices.every((options) => options.some((option) => holds(text, option)))
  );
}

function expected(text: string): number[] {
  return patterns.flatMap(({ requirements, condition }, at) =>
    requirements.every((requirement) => isMet(text, requirement)) && holds(text, condition)
      ? [at]
      : [],
  );
}

describe('patternsThatMayMatch()', () => {
  it('lists, in order, exactly the patterns whose requirements and condition the text meets', () => {
    const { listed } = createLister();
    const random = createSeededRandom(3);
    const pool = [
      'police',
      'Constable',
      'MENTAL',
      'sanctions',
      'team',
      'review',
      'the',
      'board',
      'high',
      'intensity',
      'frequent',
      'callers',
    ];
    for (let sentence = 0; sentence < 500; sentence += 1) {
      const text = Array.from({ length: random.between(0, 6) }, () => random.pick(pool)).join(' ');
      expect(listed(text), text).toEqual(expected(text));
    }
  });

  it('tries a pattern whose requirements cannot be checked on every text', () => {
    const { index, listed } = createLister();
    expect(listed('Nothing here.')).toEqual([5, 7]);
    expect(mayMatchWithoutWords(index)).toBe(true);
  });

  it('stays right when the stamps that mark each sentence run out and start again', () => {
    const { index, listed } = createLister();
    // Two sentences with every word leave marks under the first two stamps...
    listed('police mental sanctions team review');
    listed('police mental sanctions team review');
    // ...which the second sentence after the stamps start again must not take for its own: it
    // needs nodes followed before, and lacks a word met before.
    index.scan.stamp = 0x7fffffff;
    for (const text of ['team', 'sanction police'])
      expect(listed(text), text).toEqual(expected(text));
    expect(index.scan.stamp).toBeLessThan(10);
  });
});

import { describe, expect, it } from 'vitest';
import { SimwatchError } from '../errors.js';
import { compilePattern } from './compile-pattern.js';
import type { AnchorWords, WordCondition } from './pattern-anchors.js';

const vocabulary = new Map([
  ['police', ['police officer', 'constable*']],
  ['team', ['community mental health team']],
]);

function matches(pattern: string, text: string): boolean {
  return compilePattern(pattern, vocabulary).elements.every((element) => element.test(text));
}

describe('compilePattern()', () => {
  it.each([
    ['police officer', 'A Police Officer attended.', true],
    ['police officer', 'POLICE OFFICER', true],
    ['police officer', 'policeofficer', false],
    ['prosecut*', 'She was prosecuted.', true],
    ['SIM', 'The SIM team', true],
    ['SIM', 'a sim racing game', false],
    ['SIM', 'SIMPLE', false],
    ['{police} ... {team}', 'A constable joined the new community mental health team', true],
    [
      '{police} ~2 {team}',
      'A constable joined the new and much expanded community mental health team',
      false,
    ],
    ['(plan|plans) agreed', 'Plans agreed today', true],
    ['[the] crisis plan', 'crisis plan', true],
    ['crisis [the] plan', 'crisis the plan', true],
    ['self-harm', 'self harm', true],
    ['self-harm', 'self–harm', true],
    ["patient's", 'patient’s', true],
    ['police & {team}', 'The community mental health team met the police.', true],
    ['police & {team}', 'The police met.', false],
    ['frequent caller !panel', 'the frequent caller panel', false],
    ['frequent caller !panel', 'each frequent caller is', true],
    ['(issued|given) ~4 fine', 'given a £2,000 fine', true],
    ['^ does & ?', 'Does the Trust use SIM?', true],
    ['^ does & ?', 'It does use SIM?', false],
  ])('"%s" against "%s" is %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it('names the pattern and the problem when a bracket is unbalanced', () => {
    expect(() => compilePattern('(police officer', vocabulary)).toThrow(SimwatchError);
    expect(() => compilePattern('(police officer', vocabulary)).toThrow(
      /"\(police officer": unbalanced brackets/,
    );
  });

  it('names a missing vocabulary list', () => {
    expect(() => compilePattern('{nurses}', vocabulary)).toThrow(
      /no vocabulary list named "nurses"/,
    );
  });

  const words = (requirement: AnchorWords): string =>
    [...requirement.exact, ...requirement.prefixes.map((prefix) => `${prefix}*`)].join('|');

  it('asks a matching sentence for a word of each part', () => {
    const { requirements } = compilePattern('the {police} ~10 {team}', vocabulary);
    expect(requirements.map(words)).toEqual(['the', 'police|constable*', 'community']);
  });

  it('asks, in its word condition, for all the words of one phrase of each choice', () => {
    const { condition } = compilePattern('the {police} & (sanction*|written warning)', vocabulary);
    const describe = (part: WordCondition): unknown => ({
      all: part.requirements.map(words),
      oneOf: part.choices.map((options) => options.map(describe)),
    });
    expect(describe(condition)).toEqual({
      all: ['the'],
      oneOf: [
        [
          { all: ['constable*'], oneOf: [] },
          { all: ['police', 'officer'], oneOf: [] },
        ],
        [
          { all: ['sanction*'], oneOf: [] },
          { all: ['written', 'warning'], oneOf: [] },
        ],
      ],
    });
    // A choice of single words is one requirement, met by any of them.
    expect(compilePattern('(police|constable*) officer', vocabulary).condition).toEqual({
      requirements: [
        { exact: new Set(['police']), prefixes: ['constable'] },
        { exact: new Set(['officer']), prefixes: [] },
      ],
      choices: [],
    });
    // In a choice with phrases too, its single words are one option, checked first.
    const mixed = compilePattern('(fine|caution|written warning|sanction*)', vocabulary).condition;
    expect(describe(mixed)).toEqual({
      all: [],
      oneOf: [
        [
          { all: ['fine|caution|sanction*'], oneOf: [] },
          { all: ['written', 'warning'], oneOf: [] },
        ],
      ],
    });
  });

  it.each(['remains? in use', '(physical )?injuries only', 'cannot defend|indefensible'])(
    'refuses regular-expression syntax in a word: %s',
    (pattern) => {
      expect(() => compilePattern(pattern, vocabulary)).toThrow(/is not a word; write choices/);
    },
  );

  it('accepts a question mark on its own and words with & or quotes', () => {
    expect(matches('?', 'Is it still used?')).toBe(true);
    expect(matches('A&E ~3 ‘mentor’', 'In A&E the ‘mentor’ waited.')).toBe(true);
  });

  it('refuses a part too long to run quickly, naming it', () => {
    const many = new Map([
      ['verbs', Array.from({ length: 400 }, (_, index) => `withheld${index} care ~3 support`)],
    ]);
    expect(() => compilePattern('police & {verbs}', many)).toThrow(
      /"\{verbs\}" makes a regular expression of \d+ characters, more than the 20480/,
    );
  });
});

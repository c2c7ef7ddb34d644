import { describe, expect, it } from 'vitest';

import { fts5MatchExpression } from './fts5-match-expression.js';
import { maxSearchTerms, parseSearchText } from './parse-search-text.js';

describe('parseSearchText()', () => {
  it.each([
    ['police', [['police']]],
    ['Police  Officer', [['police'], ['officer']]],
    ['"care coordinator" police', [['care', 'coordinator'], ['police']]],
    ['“care coordinator”', [['care', 'coordinator']]],
    ['"unbalanced phrase', [['unbalanced', 'phrase']]],
    ['high-intensity', [['high', 'intensity']]],
    ['FOI-DEMO-2021-0087', [['foi', 'demo', '2021', '0087']]],
    ['the police and the nurses', [['police'], ['nurses']]],
    ['"use of force"', [['use', 'of', 'force']]],
    ['"the police"', [['police']]],
    ['the and of', []],
    ['', []],
    ['AND OR (', []],
    ['NEAR(police, 3)', [['near', 'police'], ['3']]],
    ['text:police', [['text', 'police']]],
    ['polic* ^police', [['polic'], ['police']]],
    ['police police POLICE', [['police']]],
    ['"" " "', []],
    ['\u0001\u0002', []],
    ['Café', [['café']]],
  ])('reads %j as %j', (text, expected) => {
    expect(parseSearchText(text)).toEqual(expected);
  });

  it('keeps at most a fixed number of terms', () => {
    const many = Array.from({ length: 40 }, (_, index) => `word${index}`).join(' ');
    expect(parseSearchText(many)).toHaveLength(maxSearchTerms);
  });
});

describe('fts5MatchExpression()', () => {
  it('quotes every term and requires them all', () => {
    expect(fts5MatchExpression([['police'], ['care', 'coordinator']])).toBe(
      '"police" AND "care coordinator"',
    );
  });

  it('writes words that are FTS5 operators as plain strings', () => {
    expect(fts5MatchExpression([['near'], ['and'], ['not']])).toBe('"near" AND "and" AND "not"');
  });
});

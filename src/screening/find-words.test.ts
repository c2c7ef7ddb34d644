import { describe, expect, it } from 'vitest';
import { createSeededRandom } from '../seeded-random.js';
import { createFoundWords, createWordFinder, findWords } from './find-words.js';
import { buildWordTable } from './word-table.js';

const table = buildWordTable([
  { exact: new Set(['police']), prefixes: [] },
  { exact: new Set(['sim', '999']), prefixes: ['sanction'] },
  { exact: new Set(), prefixes: ['pol'] },
]);
const finder = createWordFinder(table);

/** The words found, as `word@offset`, with the entry's word. */
function wordsIn(text: string, start = 0, end = text.length, by = finder): string[] {
  const found = createFoundWords();
  findWords(by, text, start, end, found);
  return found.entries.map((entry, row) => {
    const { word, exact } = table.entries[entry] ?? { word: '?', exact: true };
    return `${exact ? word : `${word}*`}@${found.positions[row] ?? -1}`;
  });
}

describe('findWords()', () => {
  it('finds whole words and beginnings in any case, at their offsets in the string', () => {
    expect(wordsIn('The POLICE and Sanctions; SIM.')).toEqual([
      'police@4',
      'pol*@4',
      'sanction*@15',
      'sim@26',
    ]);
  });

  it('does not take a longer word for a whole one, nor a word for one it only contains', () => {
    expect(wordsIn('policeman simulation impolite')).toEqual(['pol*@0']);
  });

  it('counts offsets in UTF-16 code units past accented letters, symbols and emoji', () => {
    const text = 'Café £5 – 🚓 police, then 999';
    expect(wordsIn(text)).toEqual([
      `police@${text.indexOf('police')}`,
      `pol*@${text.indexOf('police')}`,
      `999@${text.indexOf('999')}`,
    ]);
  });

  it('ends a word at any character other than a-z, A-Z and 0-9', () => {
    expect(wordsIn('épolice_sim police-led')).toEqual([
      'police@1',
      'pol*@1',
      'sim@8',
      'police@12',
      'pol*@12',
    ]);
  });

  it('reads only the stretch asked for, with offsets in the whole string', () => {
    const text = 'sim. The police came. sim';
    expect(wordsIn(text, 5, 21)).toEqual(['police@9', 'pol*@9']);
  });

  it('finds what a plain reading of the words finds, across windows of any size', () => {
    // The plain way: every run of a-z, A-Z and 0-9, in lower case, looked up in the table.
    const plainly = (text: string): string[] =>
      [...text.matchAll(/[A-Za-z0-9]+/g)].flatMap((match) => {
        const word = match[0].toLowerCase();
        return table.entries.flatMap(({ word: key, exact }) =>
          (exact ? word === key : word.startsWith(key))
            ? [`${exact ? key : `${key}*`}@${match.index}`]
            : [],
        );
      });
    const random = createSeededRandom(5);
    const pieces = [
      'police',
      'POLICE',
      'sanctions',
      'SIM',
      '999',
      'poli',
      'é',
      '🚓',
      ' ',
      ' ',
      '-',
    ];
    for (const windowChars of [1, 2, 7, 64, 4096]) {
      const small = createWordFinder(table, { windowChars });
      for (let attempt = 0; attempt < 200; attempt += 1) {
        const text = Array.from({ length: random.between(0, 30) }, () => random.pick(pieces)).join(
          '',
        );
        expect(wordsIn(text, 0, text.length, small), `${windowChars}: ${text}`).toEqual(
          plainly(text),
        );
      }
    }
    // A run of letters longer than a window and its margin is cut: its beginning still counts.
    const long = `pol${'x'.repeat(200)} police`;
    expect(wordsIn(long, 0, long.length, createWordFinder(table, { windowChars: 8 }))).toEqual([
      'pol*@0',
      'police@204',
      'pol*@204',
    ]);
  });

  it('makes room for more rows when a text has more words of the table than usual', () => {
    // Two rows a word ("police" and "pol*"), one word every seven characters: more than the room
    // the finder first sets aside.
    const text = 'police '.repeat(3000);
    const found = wordsIn(text);
    expect(found).toHaveLength(6000);
    expect(found.slice(-2)).toEqual([`police@${7 * 2999}`, `pol*@${7 * 2999}`]);
  });

  it('finds nothing in text without the words, or in empty text', () => {
    expect(wordsIn('The board approved the minutes.')).toEqual([]);
    expect(wordsIn('')).toEqual([]);
  });
});

describe('buildWordTable()', () => {
  it('counts as always met a requirement the finder cannot check', () => {
    const words = buildWordTable([
      { exact: new Set(['café']), prefixes: [] },
      { exact: new Set(), prefixes: ['co'] },
      { exact: new Set(['team']), prefixes: [] },
    ]);
    expect(words.requirementEntries.map((entries) => entries?.length)).toEqual([
      undefined,
      undefined,
      1,
    ]);
  });

  it('does not look up a requirement that a word nearly every sentence has meets', () => {
    const words = buildWordTable([
      { exact: new Set(['the', 'our', 'trust']), prefixes: [] },
      { exact: new Set(['our', 'trust']), prefixes: [] },
    ]);
    expect(words.requirementEntries[0]).toBeUndefined();
    expect(words.entries.map((entry) => entry.word)).toEqual(['our', 'trust']);
  });
});

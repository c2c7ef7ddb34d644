import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize()', () => {
  it('keeps inner apostrophes, hyphens and ampersands, and gives offsets in the text', () => {
    const text = "He didn't self-harm; A&E said so.";
    const tokens = tokenize(text);
    expect(tokens.map((token) => token.text)).toEqual([
      'He',
      "didn't",
      'self-harm',
      'A&E',
      'said',
      'so',
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('reads numbers with their separators as one token, stemmed to their digits', () => {
    const tokens = tokenize('She called 1,136 times (0.05%) and paid £2,500.');
    expect(tokens.map((token) => [token.text, token.stem])).toEqual([
      ['She', 'she'],
      ['called', 'call'],
      ['1,136', '1136'],
      ['times', 'time'],
      ['0.05', '0.05'],
      ['%', '%'],
      ['and', 'and'],
      ['paid', 'paid'],
      ['£', '£'],
      ['2,500', '2500'],
    ]);
  });

  it('stems words with Porter2, whatever their case, and reads letters beyond ASCII', () => {
    expect(tokenize('Prosecutions PROSECUTED prosecuting').map((token) => token.stem)).toEqual([
      'prosecut',
      'prosecut',
      'prosecut',
    ]);
    expect(tokenize('café naïve').map((token) => token.text)).toEqual(['café', 'naïve']);
  });

  it('reads only the range it is given', () => {
    const text = 'one two three four';
    expect(tokenize(text, 4, 13).map((token) => token.text)).toEqual(['two', 'three']);
  });
});

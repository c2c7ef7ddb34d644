import { describe, expect, it } from 'vitest';
import type { Frame } from '../frames.js';
import { parseTerm } from '../load-catalogue.js';
import { findFrames, indexFrames } from './find-frames.js';
import { tokenize } from './tokenize.js';

function frame(name: string, terms: string[]): Frame {
  return {
    name,
    means: name,
    terms: terms.map((source) => ({ source, words: parseTerm(source) })),
  };
}

const index = indexFrames([
  frame('police', ['police officer', 'constable', 'PC']),
  frame('calls', ['# calls', '999']),
  frame('sanction', ['criminal behaviour order', 'prosecute']),
]);

function found(text: string): string[] {
  return findFrames(tokenize(text), index).map(
    (hit) => `${index.frames[hit.frame]?.name}:${hit.first}-${hit.last}`,
  );
}

describe('findFrames()', () => {
  it('finds multi-word terms by the stems of their words', () => {
    expect(found('Two police officers were prosecuted')).toEqual(['police:1-2', 'sanction:4-4']);
    expect(found('a Criminal Behaviour Order was made')).toEqual(['sanction:1-3']);
  });

  it('matches capitals exactly and # as any number', () => {
    expect(found('PC Smith made 73 calls to 999')).toEqual([
      'police:0-0',
      'calls:3-4',
      'calls:6-6',
    ]);
    expect(found('the pc was off')).toEqual([]);
  });

  it('does not find a term whose words are split by others', () => {
    expect(found('police and an officer')).toEqual([]);
  });
});

describe('parseTerm()', () => {
  it('reads capitals as exact words, # as any number, and other words by stem', () => {
    expect(parseTerm('SIM officers and # calls')).toEqual([
      { exact: 'SIM' },
      { stem: 'offic' },
      { stem: 'and' },
      { anyNumber: true },
      { stem: 'call' },
    ]);
  });
});

import type { Catalogue } from './catalogue.js';
import { compileWordCondition, type CompiledPattern } from './compile-pattern.js';
import type { Frame } from './frames.js';
import { isNumber, tokenize } from './model/tokenize.js';

/**
 * Patterns, in the catalogue's notation, that pick out the sentences which may be candidates by
 * the catalogue's candidate rules: the word finder checks them from the words of a page found
 * once, and only the sentences they list are read word by word. A pattern may list more than its
 * rule (the stems decide), never less.
 */
export function buildCandidatePatterns(catalogue: Catalogue): CompiledPattern[] {
  const vocabulary = new Map<string, readonly string[]>();
  const listOf = (frames: readonly number[]) => {
    const name = `frames ${frames.join(' ')}`;
    if (!vocabulary.has(name))
      vocabulary.set(
        name,
        frames.flatMap((number) => wordFinderTerms(catalogue.frames[number])),
      );
    return name;
  };
  // One pattern a rule: a word of its frames and, where it has them, a word of its `with` frames.
  return catalogue.candidates.map((rule) =>
    compileWordCondition(
      rule.with.length === 0
        ? `{${listOf(rule.frames)}}`
        : `{${listOf(rule.frames)}} & {${listOf(rule.with)}}`,
      vocabulary,
    ),
  );
}

/** A frame's terms that the word finder can look for, in the catalogue's notation. */
function wordFinderTerms(frame: Frame | undefined): string[] {
  return (frame?.terms ?? []).flatMap(({ source }) => {
    const notation = starterNotation(source);
    return notation === undefined ? [] : [notation];
  });
}

/**
 * A term in catalogue notation, each word written as the forms that share its stem ("police" as
 * "(police|policed|polices|policing)", never "polic*", which would also find "policy"), and a
 * hyphenated word as its parts. Undefined for a term the word finder cannot look for: one with
 * symbols (A&E, £) or made only of words nearly every sentence has (he, she, the person). Such
 * a term can still be read in a candidate, but does not make one.
 */
function starterNotation(term: string): string | undefined {
  const words: string[] = [];
  for (const token of tokenize(term.replace(/#/g, '0'))) {
    if (token.text === '0' && term.includes('#')) words.push('#');
    else if (isNumber(token.text) || /^[A-Z][A-Z0-9]+$/.test(token.text)) words.push(token.text);
    else if (/^[a-z]+$/i.test(token.text)) {
      const forms = formsOf(token.text.toLowerCase());
      words.push(forms.length === 1 ? (forms[0] ?? '') : `(${forms.join('|')})`);
    } else if (/^[a-z]+(-[a-z]+)+$/i.test(token.text))
      words.push(token.text.toLowerCase().split('-').join(' '));
    else return undefined;
  }
  const checkable = words.some((word) => !everywhere.has(word) && word !== '#');
  return checkable ? words.join(' ') : undefined;
}

/** Words nearly every sentence has: a term made only of them would make every sentence a candidate. */
const everywhere = new Set(
  'a an the and or of to in on at for with by from as is are was were be it this that he she him her his they them their we our us i my me man woman mr mrs ms miss'.split(
    ' ',
  ),
);

const endings = ['', 's', 'es', 'd', 'ed', 'ing'];

/**
 * The word and its regular inflections ("police": police, polices, policed, policing...). Forms
 * that are not words do no harm: the word finder only looks for them.
 */
function formsOf(word: string): string[] {
  const bases = new Set([word, word.replace(/e$/, ''), word.replace(/y$/, 'i')]);
  const forms = new Set<string>();
  for (const base of bases) for (const ending of endings) forms.add(base + ending);
  return [...forms].sort();
}

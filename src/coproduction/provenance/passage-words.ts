// Words too common to say anything about where a sentence came from.
const stopWords = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before ' +
    'being below between both but by can could did do does doing down during each either few for ' +
    'from further had has have having he her here hers herself him himself his how i if in into ' +
    'is it its itself just may me might more most must my myself no nor not now of off on once ' +
    'only or other our ours ourselves out over own same shall she should so some such than that ' +
    'the their theirs them themselves then there these they this those through to too under until ' +
    'up upon very was we were what when where which while who whom why will with within without ' +
    'would you your yours yourself yourselves'
  ).split(' '),
);

/** A passage's words, normalised (lower case, plural and possessive endings cut), and its content words. */
export interface PassageWords {
  /** Every word, in order. */
  all: string[];
  /** The words that are not stop words, in order. */
  content: string[];
}

function stem(word: string): string {
  const bare = word.replace(/'s$/, '').replace(/'/g, '');
  return bare.length > 3 && bare.endsWith('s') && !bare.endsWith('ss') ? bare.slice(0, -1) : bare;
}

/** The words of a passage, normalised so that small changes of form still match. */
export function passageWords(text: string): PassageWords {
  const all = Array.from(
    text
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[‘’]/g, "'")
      .matchAll(/[\p{L}\p{N}]+(?:'[\p{L}]+)*/gu),
    (match) => stem(match[0]),
  );
  return { all, content: all.filter((word) => !stopWords.has(word)) };
}

import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** The lowest zxcvbn score accepted: 3 means "safely unguessable" against online attacks. */
export const minimumPasswordScore = 3;

/** Why a password was judged weak, in plain words, by zxcvbn's warning. */
const reasons: Readonly<Record<string, string>> = {
  straightRow: 'it is a row of keys on the keyboard',
  keyPattern: 'it is a short pattern of keys on the keyboard',
  simpleRepeat: 'it repeats a character, like "aaa"',
  extendedRepeat: 'it repeats a few characters, like "abcabcabc"',
  sequences: 'it is a sequence, like "abc" or "6543"',
  recentYears: 'it is or has a recent year',
  dates: 'it is or has a date',
  topTen: 'it is one of the 10 most used passwords',
  topHundred: 'it is one of the 100 most used passwords',
  common: 'it is a commonly used password',
  similarToCommon: 'it is a commonly used password with small changes',
  wordByItself: 'it is a single word',
  namesByThemselves: 'it is a name or surname on its own',
  commonNames: 'it is a common name or surname',
  userInputs: 'it contains the account’s username or name',
  pwned: 'it has been exposed in a data breach',
};

// Ranking the dictionaries takes a moment: done once, on the first check.
let checker: ZxcvbnFactory | undefined;

/**
 * Why a password is too easy to guess, or undefined when it is strong enough: zxcvbn (with its
 * lists of common passwords, names and keyboard patterns, and `userInputs` such as the account's
 * username and name) must score it at least `minimumPasswordScore`.
 */
export function passwordWeakness(
  password: string,
  userInputs: readonly string[] = [],
): string | undefined {
  checker ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const inputs = userInputs
    .flatMap((input) => [input, ...input.split(/[\s._@'’-]+/)])
    .filter((input) => input.trim().length >= 3);
  const result: ZxcvbnResult = checker.check(password, inputs);
  const warning =
    result.score < minimumPasswordScore
      ? (result.feedback.warning ?? '')
      : madeOfInputs(password, inputs)
        ? 'userInputs'
        : undefined;
  if (warning === undefined) return undefined;
  const reason = reasons[warning] ?? 'it would be quick to guess';
  return `Choose a password that is harder to guess: ${reason}. Use 3 or 4 random words, or a longer password`;
}

/** Letters and digits that are left besides the user's own words, at the fewest. */
const minimumOwnCharacters = 8;

/**
 * True when little but the account's own username and name is left of the password, however
 * they are spelled, joined or repeated (zxcvbn scores "nina.b.nina.b" as safe).
 */
function madeOfInputs(password: string, inputs: readonly string[]): boolean {
  const whole = letters(password);
  let rest = whole;
  const words = [...new Set(inputs.map(letters))]
    .filter((word) => word.length >= 3)
    .sort((a, b) => b.length - a.length);
  for (const word of words) rest = rest.split(word).join('');
  return rest !== whole && rest.replace(/\d/g, '').length < minimumOwnCharacters;
}

function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

import type { CandidateRule, Frame } from '../../screening/frames.js';

/**
 * A candidate rule of the catalogue in plain words: "A sentence that names the police or names
 * officers, and also refers to care, crisis, response or management plans or names clinicians."
 * Frames are named by what they mean, never by their ids.
 */
export function describeCandidateRule(rule: CandidateRule, frames: readonly Frame[]): string {
  const meaning = (numbers: readonly number[]) =>
    joinWithOr(numbers.map((number) => frames[number]?.means ?? 'has words of a word list'));
  const also = rule.with.length > 0 ? `, and also ${meaning(rule.with)}` : '';
  return `A sentence that ${meaning(rule.frames)}${also}.`;
}

function joinWithOr(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');
  return `${phrases.slice(0, -1).join(', ')} or ${phrases.at(-1) ?? ''}`;
}

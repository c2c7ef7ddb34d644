/** The five labels of the labelling guide. */
export const labels = [
  'police_in_care',
  'coercion_sanctions',
  'discrimination_hiu',
  'sim_named',
  'assurance',
] as const;

/** One label of the labelling guide. */
export type Label = (typeof labels)[number];

/** Character range within a page's text: `start` inclusive, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** One passage that an indicator matched, with where it is and why it fired. */
export interface Finding {
  label: Label;
  indicator: string;
  reason: string;
  /** The sentence(s) containing the match, exactly `pageText.slice(start, end)`. */
  excerpt: string;
  page: number | null;
  start: number;
  end: number;
  /** 0..1: the indicator's strength adjusted by the context rules. */
  score: number;
  /** The words that matched, as ranges in the page text (within start..end). */
  highlights: Span[];
  /** Plain-English notes on how the context changed the score, empty when nothing did. */
  context: string[];
}

/** Returns true when `value` is one of the five labels. */
export function isLabel(value: string): value is Label {
  return (labels as readonly string[]).includes(value);
}

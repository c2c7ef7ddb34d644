import { locateExcerpt } from './locate-excerpt.js';
import { canonicalTokens, normaliseCopiedText, rawTokens } from './marking-tokens.js';
import type { MarkableText, VariationPoint } from './variation-points.js';

/** The alternative an excerpt shows at one variation point of the original. */
export interface ObservedChoice {
  readonly point: VariationPoint;
  readonly alternative: number;
}

/** A copied excerpt read once, ready to be compared with any number of originals. */
export interface ReadExcerpt {
  readonly text: string;
  readonly raw: ReturnType<typeof rawTokens>;
  readonly canonical: ReturnType<typeof canonicalTokens>;
  /** The whitespace before each canonical token after a full stop or comma, when trusted, else null. */
  readonly gaps: readonly (string | null)[];
}

/** Normalises and tokenises an excerpt, and judges which of its spacing can be trusted. */
export function readExcerpt(excerpt: string): ReadExcerpt {
  const text = normaliseCopiedText(excerpt);
  const raw = rawTokens(text);
  const canonical = canonicalTokens(text, raw);
  const gaps = canonical.map((token) => {
    const before = raw[token.rawStart - 1];
    return before === undefined ? null : { gap: text.slice(before.end, token.start), before };
  });
  // A copy rewrapped by an email program breaks lines anywhere: then no line break means anything.
  const newlinesTrusted = gaps.every(
    (entry) => entry === null || entry.gap !== '\n' || /^[.?!,;]$/.test(entry.before.text),
  );
  const punctuationGaps = gaps.map((entry) => {
    if (entry === null || !/^[.?!,;]$/.test(entry.before.text)) return null;
    if (entry.gap === '\n' && !newlinesTrusted) return null;
    return entry.gap;
  });
  // When every sentence and clause is followed by one space, the spacing was probably normalised away.
  const spacingKept = punctuationGaps.some((gap) => gap === '  ' || gap === '\n');
  return {
    text,
    raw,
    canonical,
    gaps: spacingKept ? punctuationGaps : punctuationGaps.map(() => null),
  };
}

/** Locates the excerpt in an original and reads the alternative it shows at each point it covers. */
export function observeChoices(excerpt: ReadExcerpt, original: MarkableText): ObservedChoice[] {
  const alignment = locateExcerpt(excerpt.canonical, original.canonical);
  const excerptIndexOf = new Map(alignment.map(([from, to]) => [to, from]));
  const observed: ObservedChoice[] = [];
  for (const point of original.points) {
    const at = excerptIndexOf.get(point.canonIndex);
    if (at === undefined) continue;
    const previousAligned = excerptIndexOf.get(point.canonIndex - 1) === at - 1;
    const nextAligned = excerptIndexOf.get(point.canonIndex + 1) === at + 1;
    let signature: number | string | null = null;
    if (point.kind === 'spacing') {
      signature = previousAligned ? (excerpt.gaps[at] ?? null) : null;
    } else if (previousAligned || nextAligned) {
      signature = excerpt.canonical[at]?.form ?? null;
    }
    const alternative = signature === null ? -1 : point.signatures.indexOf(signature);
    if (alternative >= 0) observed.push({ point, alternative });
  }
  return observed;
}

import { passageSimilarity } from './passage-similarity.js';
import { passageWords, type PassageWords } from './passage-words.js';
import { splitPassages, type Passage } from './split-passages.js';

/** One version of a joint document, as the provenance check reads it. */
export interface ReuseSource {
  documentId: number;
  documentTitle: string;
  versionNumber: number;
  /** Markdown. */
  content: string;
  /** Whether this version was published with every party's consent. */
  published: boolean;
}

/** A version that contained a draft passage. */
export type SourceVersion = Omit<ReuseSource, 'content'>;

/** A passage of the outside text that reuses or adapts a draft passage. */
export interface ReusedPassage {
  /** The outside text's passage, with where it lies in the outside text. */
  outside: Passage;
  /** The draft passage it reuses (one sentence, or two that follow each other). */
  draft: string;
  /** 0..1, two decimals: 1 for the same words in the same order. */
  similarity: number;
  /** The outside passage's words are the draft's, word for word (perhaps cut short). */
  verbatim: boolean;
  /** Every version that contained the draft passage, earliest first. */
  versions: SourceVersion[];
  /** Whether any of those versions was published with every party's consent. */
  published: boolean;
}

/** Sentences shorter than this are common phrases ("Thank you for your letter."): never reported alone. */
export const minimumWords = 8;
/** Reports need at least this similarity and this many shared content words. */
export const minimumSimilarity = 0.65;
const minimumSharedWords = 4;
/** A pair of sentences must beat each sentence alone by this much to be reported instead. */
const pairMargin = 0.05;
/** How many candidates (by shingles shared) each outside passage is aligned with. */
const candidateCount = 20;

interface DraftUnit {
  key: string;
  text: string;
  words: PassageWords;
  versions: SourceVersion[];
  /** Two neighbouring sentences rather than one. */
  pair: boolean;
  /** For a single sentence: the pairs it is part of. */
  pairs: DraftUnit[];
}

/** Shingles of one and two content words: one-word ones still find passages whose words were reordered. */
function shingles(words: PassageWords): Set<string> {
  const found = new Set<string>(words.content);
  for (let index = 1; index < words.content.length; index += 1)
    found.add(`${words.content[index - 1] ?? ''} ${words.content[index] ?? ''}`);
  return found;
}

function addVersion(unit: DraftUnit, version: SourceVersion): void {
  const seen = unit.versions.some(
    (other) =>
      other.documentId === version.documentId && other.versionNumber === version.versionNumber,
  );
  if (!seen) unit.versions.push(version);
}

/** Every sentence and every pair of neighbouring sentences of every version, each once. */
function draftUnits(sources: ReuseSource[]): DraftUnit[] {
  const singles = new Map<string, DraftUnit>();
  const pairs = new Map<string, DraftUnit>();
  const unitFor = (units: Map<string, DraftUnit>, text: string, words: PassageWords) => {
    const key = words.all.join(' ');
    let unit = units.get(key);
    if (unit === undefined) {
      unit = { key, text, words, versions: [], pair: units === pairs, pairs: [] };
      units.set(key, unit);
    }
    return unit;
  };
  const ordered = [...sources].sort(
    (a, b) => a.documentId - b.documentId || a.versionNumber - b.versionNumber,
  );
  for (const { content, ...version } of ordered) {
    const sentences = splitPassages(content, { markdown: true })
      .map((passage) => ({ text: passage.text, words: passageWords(passage.text) }))
      .filter((sentence) => sentence.words.content.length > 0);
    let previous: DraftUnit | undefined;
    for (const sentence of sentences) {
      const single = unitFor(singles, sentence.text, sentence.words);
      addVersion(single, version);
      if (previous !== undefined) {
        const words = {
          all: [...previous.words.all, ...single.words.all],
          content: [...previous.words.content, ...single.words.content],
        };
        const pair = unitFor(pairs, `${previous.text} ${single.text}`, words);
        addVersion(pair, version);
        for (const member of [previous, single])
          if (!member.pairs.includes(pair)) member.pairs.push(pair);
      }
      previous = single;
    }
  }
  return [...singles.values()];
}

interface Match {
  outside: Passage;
  unit: DraftUnit;
  similarity: number;
  verbatim: boolean;
  /** Ranking score: pairs (of outside or draft sentences) count a little less than single ones. */
  rank: number;
  /** Indices of the outside sentences it covers. */
  covers: number[];
}

/** The outside passages worth checking: each sentence long enough, and each pair of neighbours. */
function outsideCandidates(sentences: Passage[], text: string) {
  const candidates: { passage: Passage; words: PassageWords; covers: number[] }[] = [];
  sentences.forEach((sentence, index) => {
    const words = passageWords(sentence.text);
    if (words.all.length >= minimumWords)
      candidates.push({ passage: sentence, words, covers: [index] });
    const next = sentences[index + 1];
    if (next !== undefined) {
      const passage = {
        text: text.slice(sentence.start, next.end),
        start: sentence.start,
        end: next.end,
      };
      candidates.push({ passage, words: passageWords(passage.text), covers: [index, index + 1] });
    }
  });
  return candidates;
}

/**
 * Finds the passages of an outside text (a letter, a press release) that reuse or adapt passages of
 * confidential drafts: each sentence, or two neighbouring sentences together (to catch sentences
 * merged or split), is matched with draft sentences (and neighbouring pairs) that share word
 * shingles, then scored by alignment. Each outside sentence is reported at most once, with its best
 * match and every version that contained it; its own sentences and short common phrases are not.
 */
export function findReuse(outsideText: string, sources: ReuseSource[]): ReusedPassage[] {
  const singles = draftUnits(sources);
  const index = new Map<string, DraftUnit[]>();
  for (const unit of singles)
    for (const shingle of shingles(unit.words)) {
      const units = index.get(shingle);
      if (units === undefined) index.set(shingle, [unit]);
      else units.push(unit);
    }

  const sentences = splitPassages(outsideText);
  const matches: Match[] = [];
  for (const candidate of outsideCandidates(sentences, outsideText)) {
    if (candidate.words.all.length < minimumWords) continue;
    const shared = new Map<DraftUnit, number>();
    for (const shingle of shingles(candidate.words))
      for (const unit of index.get(shingle) ?? [])
        shared.set(unit, (shared.get(unit) ?? 0) + (shingle.includes(' ') ? 2 : 1));
    const nearest = [...shared.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, candidateCount)
      .map(([unit]) => unit);
    let best: Match | undefined;
    for (const unit of new Set(nearest.flatMap((single) => [single, ...single.pairs]))) {
      const score = passageSimilarity(candidate.words, unit.words);
      if (score.similarity < minimumSimilarity || score.sharedWords < minimumSharedWords) continue;
      const rank =
        score.similarity -
        (unit.pair ? pairMargin : 0) -
        (candidate.covers.length > 1 ? pairMargin : 0);
      if (best === undefined || rank > best.rank)
        best = {
          outside: candidate.passage,
          unit,
          similarity: score.similarity,
          verbatim: score.verbatim,
          rank,
          covers: candidate.covers,
        };
    }
    if (best !== undefined) matches.push(best);
  }

  const taken = new Set<number>();
  const chosen: Match[] = [];
  for (const match of matches.sort(
    (a, b) => b.rank - a.rank || a.outside.start - b.outside.start,
  )) {
    if (match.covers.some((covered) => taken.has(covered))) continue;
    for (const covered of match.covers) taken.add(covered);
    chosen.push(match);
  }
  return mergeSplitSentences(
    chosen.sort((a, b) => a.outside.start - b.outside.start),
    outsideText,
  ).map((match) => ({
    outside: match.outside,
    draft: match.unit.text,
    similarity: Math.round(match.similarity * 100) / 100,
    verbatim: match.verbatim,
    versions: match.unit.versions,
    published: match.unit.versions.some((version) => version.published),
  }));
}

/** Neighbouring outside sentences that reuse the same draft passage (one split in two) are one report. */
function mergeSplitSentences(matches: Match[], text: string): Match[] {
  const merged: Match[] = [];
  for (const match of matches) {
    const last = merged.at(-1);
    const follows =
      last !== undefined &&
      last.unit === match.unit &&
      (last.covers.at(-1) ?? -2) + 1 === (match.covers[0] ?? -1);
    if (!follows) {
      merged.push(match);
      continue;
    }
    const outside = {
      text: text.slice(last.outside.start, match.outside.end),
      start: last.outside.start,
      end: match.outside.end,
    };
    const score = passageSimilarity(passageWords(outside.text), match.unit.words);
    merged[merged.length - 1] = {
      ...last,
      outside,
      similarity: score.similarity,
      verbatim: score.verbatim,
      covers: [...last.covers, ...match.covers],
    };
  }
  return merged;
}

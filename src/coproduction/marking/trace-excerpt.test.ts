import { describe, expect, it } from 'vitest';
import { samplePolicyText } from '../../bench/sample-policy-text.js';
import { leakExcerpt, markedBody, type CopyingStyle } from './leaked-excerpts.js';
import { markCopy } from './mark-copy.js';
import { traceExcerpt, type TraceCandidate } from './trace-excerpt.js';

const candidates: TraceCandidate[] = Array.from({ length: 100 }, (_, index) => ({
  id: index + 1,
  label: `Member ${index + 1}`,
  content: samplePolicyText,
  seed: `recipient-seed-${index + 1}`,
}));

const bodies = candidates.map((candidate) => {
  const recipient = { label: candidate.label, seed: candidate.seed, date: '7 December 2026' };
  return markedBody(markCopy(candidate.content, recipient), recipient);
});

function leakFrom(index: number, words: number, style: CopyingStyle, seed: number) {
  return leakExcerpt(bodies[index] ?? '', words, style, seed);
}

describe('traceExcerpt()', () => {
  it('traces excerpts copied exactly, of 300 and 600 words, to their recipient among 100', () => {
    for (const words of [300, 600]) {
      for (let trial = 0; trial < 15; trial++) {
        const leaker = (trial * 37 + words) % candidates.length;
        const result = traceExcerpt(leakFrom(leaker, words, 'exact', trial), candidates);
        expect(result.best?.id).toBe(leaker + 1);
        expect(result.confidence).toBeGreaterThanOrEqual(0.99);
      }
    }
  });

  it('traces excerpts pasted into an email (spacing collapsed, quotes straightened) from 2,000 words', () => {
    for (let trial = 0; trial < 10; trial++) {
      const leaker = (trial * 53 + 11) % candidates.length;
      const excerpt = leakFrom(leaker, 2000, 'pasted', trial);
      expect(excerpt).not.toMatch(/\n| {2}/);
      const result = traceExcerpt(excerpt, candidates);
      expect(result.best?.id).toBe(leaker + 1);
      expect(result.evidence).toMatch(
        new RegExp(
          `^The excerpt agrees with Member ${leaker + 1}'s copy at \\d+ of \\d+ marked choices`,
        ),
      );
    }
  });

  it('traces a loosely retyped whole copy, with a few words dropped or misspelt', () => {
    for (let trial = 0; trial < 5; trial++) {
      const leaker = (trial * 29 + 3) % candidates.length;
      const result = traceExcerpt(leakFrom(leaker, 5000, 'retyped', trial), candidates);
      expect(result.best?.id).toBe(leaker + 1);
    }
  });

  it('names no one for an excerpt too short to cover enough marked choices, and says so', () => {
    for (let trial = 0; trial < 20; trial++) {
      const result = traceExcerpt(leakFrom(trial, 25, 'exact', trial), candidates);
      expect(result.best).toBeNull();
      expect(result.evidence).toMatch(/too few|none of the marked choices/);
    }
  });

  it('never names a wrong recipient with confidence, whatever the excerpt length', () => {
    for (const words of [10, 50, 100, 200, 400, 800]) {
      for (const style of ['exact', 'pasted'] as const) {
        for (let trial = 0; trial < 8; trial++) {
          const leaker = (trial * 17 + words) % candidates.length;
          const result = traceExcerpt(leakFrom(leaker, words, style, trial), candidates);
          if (result.best !== null) expect(result.best.id).toBe(leaker + 1);
        }
      }
    }
  });

  it('does not attribute an unmarked copy to anyone, and says it matches the unmarked text', () => {
    for (const [start, end] of [
      [0, 20000],
      [4000, 9000],
    ] as const) {
      const result = traceExcerpt(samplePolicyText.slice(start, end), candidates);
      expect(result.best).toBeNull();
      expect(result.confidence).toBeLessThan(0.01);
      expect(result.evidence).toContain('matches the unmarked text');
    }
  });

  it('does not attribute a text that is not from the documents at all', () => {
    const result = traceExcerpt(
      'The quick brown fox jumps over the lazy dog. '.repeat(20),
      candidates,
    );
    expect(result.best).toBeNull();
    expect(result.evidence).toContain('cannot be traced');
  });

  it('is deterministic and scores every candidate, best first', () => {
    const excerpt = leakFrom(41, 400, 'exact', 1);
    const first = traceExcerpt(excerpt, candidates);
    expect(traceExcerpt(excerpt, candidates)).toEqual(first);
    expect(first.matches).toHaveLength(100);
    expect(first.matches[0]).toMatchObject({ id: 42, label: 'Member 42' });
    const scores = first.matches.map((match) => match.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('traces among copies of different versions, using each candidate’s own text', () => {
    const revised = samplePolicyText.replace(
      '## 14. Review of this policy',
      '## 14. Reviewing this policy',
    );
    const mixed = candidates.map((candidate, index) =>
      index % 2 === 0 ? { ...candidate, content: revised } : candidate,
    );
    const recipient = { label: 'Member 9', seed: 'recipient-seed-9', date: '7 December 2026' };
    const body = markedBody(markCopy(revised, recipient), recipient);
    const result = traceExcerpt(leakExcerpt(body, 600, 'exact', 4), mixed);
    expect(result.best).toEqual({ id: 9, label: 'Member 9' });
  });
});

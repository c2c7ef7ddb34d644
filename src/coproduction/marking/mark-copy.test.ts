import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { samplePolicyText } from '../../bench/sample-policy-text.js';
import { markedBody } from './leaked-excerpts.js';
import { markCopy } from './mark-copy.js';
import { canonicalTokens, rawTokens } from './marking-tokens.js';
import { recipientChoice } from './recipient-choice.js';
import { readMarkableText } from './variation-points.js';

const markdown = new MarkdownIt({ html: false });

function recipient(index: number) {
  return { label: `Member ${index}`, seed: `seed-${index}`, date: '7 December 2026' };
}

/** The rendered page's elements and attributes, and its words once equivalents are canonical. */
function renderedStructure(source: string) {
  const html = markdown.render(source);
  const text = html.replace(/<[^>]+>/g, ' ');
  return { tags: html.match(/<[^>]+>/g), words: canonOf(text) };
}

function canonOf(text: string): string[] {
  return canonicalTokens(text, rawTokens(text)).map((token) => token.canon);
}

const structures = [
  '# A heading, while a title',
  '',
  'A paragraph with `while (x) {}` in code, a [link, for example](https://example.org/while-among),',
  'and <https://example.org/towards>. Another sentence follows. Three parties met, among others.',
  '',
  '- one item, two items, and three items',
  '- health care for example — wellbeing',
  '',
  '1. First. Second sentence here, and more.',
  '2. In all, four teams met for six hours.',
  '',
  '> A quotation, while spoken. Then another one.',
  '',
  '| while | among |',
  '| ----- | ----- |',
  '| for example | towards |',
  '',
  '```',
  'while among towards; for example',
  '```',
  '',
  '    indented code while among',
  '',
  'Between 2019–2024, 38 per cent agreed. Rights are not limited.',
].join('\n');

describe('markCopy()', () => {
  it('opens with a notice that discloses the mark, naming the recipient and the date', () => {
    const copy = markCopy(samplePolicyText, recipient(1));
    const firstParagraph = copy.split('\n\n')[0] ?? '';
    expect(firstParagraph).toContain('This copy was made for Member 1 on 7 December 2026');
    expect(firstParagraph).toContain('carries a mark that identifies its recipient');
    expect(firstParagraph).toContain('equivalent wordings');
  });

  it('is deterministic: the same seed always gives the same copy', () => {
    expect(markCopy(samplePolicyText, recipient(3))).toBe(markCopy(samplePolicyText, recipient(3)));
  });

  it('gives different recipients choices that differ at about half the points', () => {
    const { points } = readMarkableText(samplePolicyText);
    expect(points.filter((point) => point.kind === 'wording').length).toBeGreaterThan(30);
    const fractions: number[] = [];
    for (let a = 0; a < 10; a++) {
      for (let b = a + 1; b < 10; b++) {
        const differing = points.filter(
          (point) =>
            recipientChoice(`seed-${a}`, point.key, point.alternatives.length) !==
            recipientChoice(`seed-${b}`, point.key, point.alternatives.length),
        ).length;
        fractions.push(differing / points.length);
      }
    }
    for (const fraction of fractions) {
      expect(fraction).toBeGreaterThan(0.4);
      expect(fraction).toBeLessThan(0.7);
    }
  });

  it('changes only equivalent wordings, so the copy has the same words once they are canonical', () => {
    const body = markedBody(markCopy(samplePolicyText, recipient(4)), recipient(4));
    expect(body).not.toBe(samplePolicyText);
    expect(canonOf(body)).toEqual(canonOf(samplePolicyText));
  });

  it('renders with markdown-it to the same elements and words as the original, after the notice', () => {
    for (const source of [samplePolicyText, structures]) {
      for (let index = 0; index < 20; index++) {
        const body = markedBody(markCopy(source, recipient(index)), recipient(index));
        expect(renderedStructure(body)).toEqual(renderedStructure(source));
      }
    }
  });

  it('leaves code, link targets and number ranges exactly as they were', () => {
    const untouched = [
      '`while (x) {}`',
      '(https://example.org/while-among)',
      '<https://example.org/towards>',
      'while among towards; for example',
      '    indented code while among',
      '2019–2024',
    ];
    for (let index = 0; index < 20; index++) {
      const body = markedBody(markCopy(structures, recipient(index)), recipient(index));
      for (const text of untouched) expect(body).toContain(text);
    }
  });

  it('varies the wording outside code: "while", "among", the serial comma and small numbers', () => {
    const bodies = new Set(
      Array.from({ length: 20 }, (_, index) =>
        markedBody(markCopy(structures, recipient(index)), recipient(index)),
      ),
    );
    const all = [...bodies].join('\n');
    expect(all).toMatch(/whilst\s+spoken/);
    expect(all).toMatch(/amongst\s+others/);
    expect(all).toMatch(/items and (three|3) items/);
    expect(all).toMatch(/\b4 teams\b/);
    expect(all).toMatch(/\b6 hours\b/);
    expect(all).toContain('38% agreed');
    expect(all).toMatch(/healthcare for instance/);
    expect(all).toContain(' – wellbeing');
  });
});

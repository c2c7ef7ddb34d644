import { describe, expect, it } from 'vitest';

import { splitPassages } from './split-passages.js';

describe('splitPassages()', () => {
  it('splits sentences, paragraphs and list items, with where each lies in the text', () => {
    const text =
      'Dear colleagues,\n\nThe panel met twice. It agreed the plan!\n- First item\n- Second item “quoted.” Then more';
    const passages = splitPassages(text);
    expect(passages.map((passage) => passage.text)).toEqual([
      'Dear colleagues,',
      'The panel met twice.',
      'It agreed the plan!',
      '- First item',
      '- Second item “quoted.”',
      'Then more',
    ]);
    for (const passage of passages)
      expect(text.slice(passage.start, passage.end)).toBe(passage.text);
  });

  it('drops Markdown markup from drafts', () => {
    expect(
      splitPassages(
        '# The policy\n\n**Equal** partnership: see [the terms](#terms).\n\n- One item',
        {
          markdown: true,
        },
      ).map((passage) => passage.text),
    ).toEqual(['The policy', 'Equal partnership: see the terms.', 'One item']);
  });

  it('does not split inside a sentence at a decimal point or a lower-case word after a full stop', () => {
    expect(
      splitPassages('Waiting fell by 2.5 weeks, e.g. in the north. Next.').map((p) => p.text),
    ).toEqual(['Waiting fell by 2.5 weeks, e.g. in the north.', 'Next.']);
  });
});

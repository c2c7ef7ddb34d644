import { describe, expect, it } from 'vitest';

import { excerptInContext } from './excerpt-in-context.js';

const page = 'The board met in March. A police officer joins care planning. Minutes were agreed.';
const excerpt = 'A police officer joins care planning.';
const start = page.indexOf(excerpt);
const finding = { excerpt, start, end: start + excerpt.length };

describe('excerptInContext()', () => {
  it('places the excerpt between the text before and after it on the page', () => {
    expect(excerptInContext(page, finding)).toEqual({
      before: 'The board met in March. ',
      match: excerpt,
      after: ' Minutes were agreed.',
      clippedBefore: false,
      clippedAfter: false,
      located: true,
    });
  });

  it('keeps only `radius` characters either side, cut at a space so no word is broken', () => {
    const context = excerptInContext(page, finding, { radius: 12 });
    expect(context).toMatchObject({
      before: 'in March. ',
      after: ' Minutes',
      clippedBefore: true,
      clippedAfter: true,
    });
  });

  it('keeps fewer characters before the excerpt when `before` says so', () => {
    const context = excerptInContext(page, finding, { radius: 12, before: 5 });
    expect(context).toMatchObject({
      before: '',
      after: ' Minutes',
      clippedBefore: true,
    });
    expect(excerptInContext(page, finding, { radius: 12, before: 10 }).before).toBe('March. ');
  });

  it.each([
    ['offsets that point elsewhere', { excerpt, start: 0, end: excerpt.length }],
    ['offsets past the end of the page', { excerpt, start: 500, end: 537 }],
  ])('finds the excerpt in the page despite %s', (_, wrong) => {
    const context = excerptInContext(page, wrong);
    expect(context.located).toBe(true);
    expect(context.before + context.match + context.after).toBe(page);
  });

  it.each([
    ['a page that does not hold the excerpt', 'Nothing about this here.'],
    ['a missing page', undefined],
  ])('shows the excerpt alone for %s', (_, text) => {
    expect(excerptInContext(text, finding)).toMatchObject({
      before: '',
      match: excerpt,
      after: '',
      located: false,
    });
  });
});

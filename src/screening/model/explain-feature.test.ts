import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../load-catalogue.js';
import { splitSentences } from '../split-text.js';
import { analyseSentence, combineSentences } from './analyse-passage.js';
import { explainFeature } from './explain-feature.js';
import { indexFrames } from './find-frames.js';

const catalogue = loadCatalogue();
const text = 'He was prosecuted after 40 calls to 999.';
const analysis = combineSentences(
  splitSentences(text, { start: 0, end: text.length }).map((span) =>
    analyseSentence(text, span, indexFrames(catalogue.frames), []),
  ),
);

describe('explainFeature()', () => {
  it.each([
    ['frame:sanction', /^The passage names a criminal or civil sanction/],
    [
      'pair:help_seeking+sanction',
      /^One sentence describes someone calling .*, and names a criminal/,
    ],
    ['negated:police', /^The passage denies or negates that it names the police/],
    ['indicator:withholding-care', /^A plan, alert or instruction tells services/],
    ['counted:withholding-care', /\(the catalogue's rules count it too\)$/],
    ['cue:reports concerns', /^The passage reports concerns\.$/],
    ['shape:question', /^The passage asks a question\.$/],
  ])('says %s in plain words', (feature, words) => {
    expect(explainFeature(feature, catalogue, analysis)).toMatch(words);
  });

  it('quotes the passage’s own words for a word stem or a pair of them', () => {
    expect(explainFeature('term:prosecut', catalogue, analysis)).toBe(
      'The passage uses the words "prosecuted".',
    );
    expect(explainFeature('term:# call', catalogue, analysis)).toBe(
      'The passage uses the words "40 calls".',
    );
  });
});

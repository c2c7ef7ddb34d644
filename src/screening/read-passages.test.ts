import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load-catalogue.js';
import { prepareCatalogue } from './prepare-catalogue.js';
import { readPage } from './read-paragraph.js';
import { passagesOf } from './read-passages.js';

const prepared = prepareCatalogue(loadCatalogue());

function passages(text: string) {
  return readPage({ number: 4, text }, prepared).flatMap((reading) =>
    passagesOf(reading, prepared).map((passage) => ({
      excerpt: text.slice(passage.span.start, passage.span.end),
      labels: [...new Set(passage.proposals.map((proposal) => proposal.label))].sort(),
      proposedBy: [...new Set(passage.proposals.map((proposal) => proposal.id))].sort(),
    })),
  );
}

describe('passagesOf()', () => {
  it('reads a short paragraph whole, proposed by the frames of the candidate rules', () => {
    const text = 'The board met. A police officer joins the nurses of the crisis team each week.';
    expect(passages(text)).toEqual([
      expect.objectContaining({ excerpt: text, labels: ['police_in_care'] }),
    ]);
  });

  it('needs both halves of a rule in one sentence: the police alone are not a candidate', () => {
    expect(passages('Police were called to three incidents on the wards in May.')).toEqual([]);
    expect(passages('The police called. The nurses of the crisis team met.')).toEqual([]);
  });

  it('reads a long paragraph in windows of three sentences around each candidate', () => {
    const text = [
      'The board met in May.',
      'Minutes were approved.',
      'A police officer joins the nurses of the crisis team each week.',
      'Actions were reviewed.',
      'The finance report was noted.',
    ].join(' ');
    expect(passages(text).map((passage) => passage.excerpt)).toEqual([
      'Minutes were approved. A police officer joins the nurses of the crisis team each week. Actions were reviewed.',
    ]);
  });

  it('does not take a "policy" for the police, nor a fragment or a list for a sentence', () => {
    expect(passages('The crisis team policy on nurses was reviewed by the board.')).toEqual([]);
    expect(passages('Police officer and crisis team nurse')).toEqual([]);
    expect(
      passages('Partners • police officers • crisis team nurses • social workers • housing'),
    ).toEqual([]);
  });

  it('lists every indicator and frame that proposed a label', () => {
    const [passage] = passages('A police officer is embedded in the community mental health team.');
    expect(passage?.proposedBy).toEqual(
      expect.arrayContaining(['frame:officer', 'frame:police', 'police-joined-to-care-team']),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { findTitledNames } from './find-titled-names.js';

function found(text: string): string[] {
  return findTitledNames(text).map((span) => text.slice(span.start, span.end));
}

describe('findTitledNames()', () => {
  it.each([
    ['Mr John Smith said', 'John Smith'],
    ['seen by Dr. A. Patel', 'A. Patel'],
    ['Mrs O’Brien’s file', 'O’Brien'],
    ["Mrs O'Brien", "O'Brien"],
    ['Ms Smith-Jones, nurse', 'Smith-Jones'],
    ['Dr A.B. Patel', 'A.B. Patel'],
    ['Mr J.Smith', 'J.Smith'],
    ['Miss Jane Doe, nurse', 'Jane Doe'],
    ['Mx Sam Taylor', 'Sam Taylor'],
    ['MR JOHN SMITH', 'JOHN SMITH'],
    ['MS JANE DOE', 'JANE DOE'],
    ['Mr de Souza', 'de Souza'],
    ['Dr van der Berg', 'van der Berg'],
    ['Dr al-Rashid', 'al-Rashid'],
    ['letter to Mr\nSmith', 'Smith'],
    ['Mr Smith. Then he left', 'Smith'],
    ['Ms Excel', 'Excel'],
    ['DR PATEL', 'PATEL'],
    ['MRS JANE DOE', 'JANE DOE'],
    ['MX SAM TAYLOR', 'SAM TAYLOR'],
  ])('finds the name in %j and leaves the title', (text, expected) => {
    const start = text.indexOf(expected);
    expect(findTitledNames(text)).toEqual([{ kind: 'name', start, end: start + expected.length }]);
  });

  it.each([
    ['Dr who?', 'a lower-case word after the title'],
    ['dr smith', 'a lower-case title'],
    ['a note for Mr', 'a title at the end of the text'],
    ['Mr.', 'a title and full stop at the end'],
    ['we miss the point', 'the verb "miss"'],
    ['we miss Mary and Tom', 'the verb "miss" before names'],
    ['the GMS CONTRACT', '"MS" at the end of another abbreviation'],
    ['SMS TEXT MESSAGE', '"MS" inside "SMS"'],
    ['Miss the deadline and it lapses', '"Miss" at a sentence start'],
    ['Dr. the registrar', 'a lower-case word after "Dr."'],
    ['the MS Society', '"MS" for multiple sclerosis'],
    ['seen by the Dr. The next day', 'a new sentence after the title'],
    ['Drake', 'a word that starts like a title'],
    ['Mr\n\nSmith', 'a blank line after the title'],
  ])('ignores %j (%s)', (text) => {
    expect(found(text)).toEqual([]);
  });

  it.each(['The', 'This', 'Then', 'There', 'It', 'He', 'She', 'We', 'They', 'In', 'On', 'From'])(
    'does not take %j starting the next sentence for a name',
    (word) => {
      expect(found(`Ask the Dr. ${word} said no.`)).toEqual([]);
    },
  );

  it('stops at three name words and at a blank line', () => {
    expect(found('Dr Ann Bea Cole Dee')).toEqual(['Ann Bea Cole']);
    expect(found('Mr Smith\n\nPatel Report')).toEqual(['Smith']);
  });
});

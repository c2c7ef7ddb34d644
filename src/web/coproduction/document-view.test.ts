import { describe, expect, it } from 'vitest';

import { quoteAt } from '../../coproduction/text/text-quote.js';
import type { Comment, Party } from '../../coproduction/agreement.js';
import { diffView, placeComments } from './document-view.js';

const v2 = 'Services must never withhold care.\n\nPolice take no part in care plans.\n';
const v3 = 'Services must never withhold care.\n\nPolice officers take no part in care plans.\n';
const parties = [{ id: 1, name: 'Board' }] as Party[];

function commentOn(content: string, exact: string, versionNumber: number, id = 1): Comment {
  const start = content.indexOf(exact);
  return {
    id,
    documentId: 1,
    versionNumber,
    partyId: 1,
    author: 'sam',
    anchor: quoteAt(content, start, start + exact.length),
    body: 'Say who decides.',
    createdAt: '2027-03-01T00:00:00Z',
  };
}

describe('placeComments()', () => {
  it('places a comment on the version it was made on, unchanged', () => {
    const [placed] = placeComments(v2, 2, [commentOn(v2, 'Police take no part', 2)], parties);
    expect(placed).toMatchObject({
      passage: 'Police take no part',
      quoteChanged: false,
      partyName: 'Board',
    });
  });

  it('places it again on a later version and marks that the quoted text has changed', () => {
    const [placed] = placeComments(v3, 3, [commentOn(v2, 'Police take no part', 2)], parties);
    expect(placed?.quoteChanged).toBe(true);
    expect(placed?.passage).toContain('Police officers');
  });

  it('leaves out comments made on later versions than the one shown', () => {
    expect(placeComments(v2, 2, [commentOn(v3, 'Police officers', 3)], parties)).toEqual([]);
  });
});

describe('diffView()', () => {
  it('counts the words added and removed', () => {
    const diff = diffView(v2, v3);
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(0);
    expect(diff.parts.map((part) => part.text).join('')).toContain('officers');
  });
});

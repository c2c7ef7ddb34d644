import { describe, expect, it } from 'vitest';

import { describeDocumentEdit } from './describe-document-edit.js';

describe('describeDocumentEdit()', () => {
  it('says each change in a sentence, dates in the form it is given', () => {
    expect(
      describeDocumentEdit(
        {
          changes: {
            title: { from: 'scan 0001', to: 'Board minutes' },
            documentDate: { from: null, to: '2024-03-05' },
            source: { from: 'FOI 1', to: null },
            public: { from: true, to: false },
          },
          linked: [{ code: 'T1', name: 'Northmoor Trust' }],
          unlinked: [{ code: 'P1', name: 'Northmoor Police' }],
        },
        (day) => `day ${day}`,
      ),
    ).toEqual([
      'Title changed from "scan 0001" to "Board minutes"',
      'Date changed from no date to day 2024-03-05',
      'Source changed from "FOI 1" to none',
      'Original made private (signed-in users only)',
      'Linked to Northmoor Trust (T1)',
      'No longer linked to Northmoor Police (P1)',
    ]);
  });

  it('says nothing of what was left alone', () => {
    expect(
      describeDocumentEdit({
        changes: { public: { from: false, to: true } },
        linked: [],
        unlinked: [],
      }),
    ).toEqual(['Original made public']);
  });
});

import { describe, expect, it } from 'vitest';

import { checkUploadForm, type UploadFormValues } from './upload-form.js';

const filled: UploadFormValues = {
  title: '',
  docType: 'board_paper',
  organisations: ['DEMO-T01'],
  documentDate: { day: '5', month: '3', year: '2024' },
  source: ' FOI 123 ',
  obtained: 'FOI request',
  public: 'no',
};
const context = {
  fileCount: 1,
  organisationCodes: new Set(['DEMO-T01', 'DEMO-P01']),
  today: new Date('2025-01-01T12:00:00Z'),
};

describe('checkUploadForm()', () => {
  it('turns a complete form into the details to record', () => {
    expect(checkUploadForm(filled, context)).toEqual({
      details: {
        title: null,
        docType: 'board_paper',
        organisationCodes: ['DEMO-T01'],
        documentDate: '2024-03-05',
        source: 'FOI 123',
        obtained: 'FOI request',
        public: false,
      },
      errors: [],
    });
  });

  it('accepts an empty date and several organisations', () => {
    const checked = checkUploadForm(
      {
        ...filled,
        documentDate: { day: '', month: '', year: '' },
        organisations: ['DEMO-T01', 'DEMO-P01'],
      },
      context,
    );
    expect(checked.details).toMatchObject({
      documentDate: null,
      organisationCodes: ['DEMO-T01', 'DEMO-P01'],
    });
  });

  it.each([
    ['no file', {}, { fileCount: 0 }, '#documents', 'Choose a document to upload'],
    ['no type', { docType: '' }, {}, '#docType', 'Choose the type of document'],
    ['an unknown type', { docType: 'poem' }, {}, '#docType', 'Choose the type of document'],
    ['no organisation', { organisations: [] }, {}, '#organisations', 'Choose at least one'],
    ['an unknown organisation', { organisations: ['NOPE'] }, {}, '#organisations', 'from the list'],
    [
      'a title for several files',
      { title: 'Minutes' },
      { fileCount: 2 },
      '#title',
      'Leave the title',
    ],
    [
      'half a date',
      { documentDate: { day: '5', month: '3', year: '' } },
      {},
      '#documentDate-year',
      'must include a year',
    ],
    [
      'a date that does not exist',
      { documentDate: { day: '31', month: '2', year: '2024' } },
      {},
      '#documentDate-day',
      'real date',
    ],
    [
      'a future date',
      { documentDate: { day: '5', month: '3', year: '2026' } },
      {},
      '#documentDate-day',
      'today or in the past',
    ],
    [
      'more organisations than one upload may have',
      { organisations: Array.from({ length: 201 }, (_, index) => `ORG-${index}`) },
      {},
      '#organisations',
      '200 organisations or fewer',
    ],
    ['no answer on downloads', { public: '' }, {}, '#public', 'may download'],
  ] as const)('refuses %s', (_, change, contextChange, href, text) => {
    const values: UploadFormValues = { ...filled, ...(change as Partial<UploadFormValues>) };
    const checked = checkUploadForm(values, { ...context, ...contextChange });
    expect(checked.details).toBeUndefined();
    expect(checked.errors).toEqual([{ href, text: expect.stringContaining(text) as string }]);
  });
});

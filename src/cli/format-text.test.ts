import { describe, expect, it } from 'vitest';

import { createTextFormat } from './format-text.js';
import { emptySummary, summarize } from './screen-summary.js';
import { failedSample, sampleFinding, sampleScreening } from './test-support/sample-screening.js';

const plain = createTextFormat({ color: false });
const coloured = createTextFormat({ color: true });

describe('createTextFormat()', () => {
  it('shows the document, each finding with page, score, stance and reason, and marks the matched words', () => {
    expect(plain.document(sampleScreening(), 0)).toBe(
      [
        'papers/board.pdf (pdf, 3 pages): police_in_care',
        '  police_in_care, page 2, score 0.85, reads as practice (police-joined-to-care-team)',
        '    Why: Police officers are joined to a care team.',
        '    The «SIM team» now includes a «police officer embedded» in the crisis team.',
        "    The model's reasons:",
        '      One sentence names the police, and names a mental health service.',
        '    Nearest labelled example: t9-001 (police_in_care, sim_named, practice; similarity 0.71) https://example.org/sim-team',
        '',
      ].join('\n'),
    );
  });

  it("does not repeat the indicator's reason among the model's", () => {
    const finding = sampleFinding({
      explanation: [
        "Police officers are joined to a care team. (the catalogue's rules count it too)",
        'The passage names a team.',
      ],
    });
    const text = plain.document(sampleScreening({ findings: [finding] }), 0);
    expect(text).toContain(
      "    The model's reasons:\n      The passage names a team.\n    Nearest",
    );
  });

  it('names the other pages of a repeated passage, and leaves out reasons and examples a finding lacks', () => {
    const assurance = sampleFinding({
      label: 'assurance',
      stance: 'assurance',
      pages: [2, 5, 9],
      explanation: [],
      nearest: null,
      modelVersion: null,
    });
    expect(
      plain
        .document(sampleScreening({ findings: [assurance] }), 0)
        .split('\n')
        .slice(1),
    ).toEqual([
      '  assurance, page 2, score 0.85, reads as assurance (police-joined-to-care-team)',
      '    Why: Police officers are joined to a care team.',
      '    The «SIM team» now includes a «police officer embedded» in the crisis team.',
      '    Also on pages 5, 9',
      '',
    ]);
  });

  it('uses ANSI colour instead of marks when asked', () => {
    const text = coloured.document(sampleScreening(), 0);
    expect(text).toContain('\u001b[1;33mSIM team\u001b[22;39m');
    expect(text).not.toContain('«');
  });

  it('says "no findings", "no page", and reports warnings and errors in words', () => {
    const clean = sampleScreening({
      type: 'text',
      pages: 1,
      labels: [],
      findings: [],
      warnings: [{ code: 'encoding_guessed', message: 'Read as Windows-1252' }],
    });
    expect(plain.document(clean, 1)).toBe(
      '\npapers/board.pdf (text, 1 page): no findings\n  Warning: Read as Windows-1252\n',
    );
    expect(plain.document(failedSample(), 0)).toBe(
      'missing.txt: could not be screened\n  Error: Cannot read "missing.txt": the file does not exist (unreadable)\n',
    );
    const unpaged = sampleScreening({ findings: [sampleFinding({ page: null })] });
    expect(plain.document(unpaged, 0)).toContain('police_in_care, no page, score 0.85,');
  });

  it('puts each excerpt on one line and drops control characters that could drive the terminal', () => {
    const excerpt = 'The SIM\nteam\u001b[2J met\u202e here';
    const finding = sampleFinding({ excerpt, highlights: [] });
    const text = plain.document(
      sampleScreening({ findings: [finding], path: 'a\u001b]0;x\u0007.txt' }),
      0,
    );
    expect(text).toContain('    The SIM team[2J met here\n');
    expect(text).toContain('a]0;x.txt (pdf');
    expect(text).not.toContain('\u001b');
  });

  it('never reads as clean when pages were not read, and says which pages were read by OCR', () => {
    const unread = sampleScreening({
      pages: 3,
      unreadPages: 2,
      ocrPages: 1,
      labels: [],
      findings: [],
      warnings: [
        {
          code: 'needs_ocr',
          message: 'Page 2 has no text layer; it needs OCR to be screened',
          page: 2,
        },
        {
          code: 'needs_ocr',
          message: 'Page 3 has no text layer; it needs OCR to be screened',
          page: 3,
        },
      ],
    });
    expect(plain.document(unread, 0).split('\n')[0]).toBe(
      'papers/board.pdf (pdf, 3 pages, 1 read by OCR): no findings; 2 pages not read',
    );
    const ocr = { engine: 'tesseract.js 7.0.0 (eng 4.0.0)', confidence: 91.4 };
    const scanned = sampleScreening({ ocrPages: 3, findings: [sampleFinding({ ocr })] });
    expect(plain.document(scanned, 0)).toContain(
      'police_in_care, page 2 (read by OCR, confidence 91%), score 0.85,',
    );
  });

  it('counts the documents with pages not read in the summary, and why they were not read', () => {
    const offSummary = [
      sampleScreening({ labels: [], findings: [] }),
      sampleScreening({
        labels: [],
        findings: [],
        unreadPages: 2,
        warnings: [
          { code: 'needs_ocr', message: 'Page 1 needs OCR', page: 1 },
          { code: 'needs_ocr', message: 'Page 2 needs OCR', page: 2 },
        ],
      }),
      sampleScreening({ labels: [], findings: [] }),
    ].reduce(summarize, emptySummary);
    expect(plain.end(offSummary)).toBe(
      '\nScreened 3 documents: 0 with findings, 1 with 2 pages not read (no text layer; OCR off), 0 could not be screened. Documents by label: none.\n',
    );
    const mixed = [
      sampleScreening({
        ocrPages: 4,
        unreadPages: 2,
        warnings: [
          { code: 'ocr_failed', message: 'Page 5 could not be read by OCR', page: 5 },
          { code: 'damaged_page', message: 'Page 6 is damaged', page: 6 },
        ],
      }),
    ].reduce(summarize, emptySummary);
    expect(plain.end(mixed)).toBe(
      '\nScreened 1 document (4 pages read by OCR): 1 with findings, 1 with 2 pages not read (1 OCR could not read them, 1 damaged), 0 could not be screened. Documents by label: police_in_care 1.\n',
    );
  });

  it('ends with a summary line counting documents, findings, errors and labels', () => {
    const summary = [sampleScreening(), failedSample(), sampleScreening()].reduce(
      summarize,
      emptySummary,
    );
    expect(plain.end(summary)).toBe(
      '\nScreened 3 documents: 2 with findings, 1 could not be screened. Documents by label: police_in_care 2.\n',
    );
    expect(plain.end(emptySummary)).toBe(
      'Screened 0 documents: 0 with findings, 0 could not be screened. Documents by label: none.\n',
    );
  });
});

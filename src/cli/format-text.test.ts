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
      warnings: [{ code: 'needs_ocr', message: 'Page 3 has no text layer', page: 3 }],
    });
    expect(plain.document(clean, 1)).toBe(
      '\npapers/board.pdf (text, 1 page): no findings\n  Warning: Page 3 has no text layer\n',
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

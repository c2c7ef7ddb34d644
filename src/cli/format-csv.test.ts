import { describe, expect, it } from 'vitest';

import { csvFormat } from './format-csv.js';
import { parseCsv } from './test-support/parse-csv.js';
import { failedSample, sampleFinding, sampleScreening } from './test-support/sample-screening.js';

const header =
  'path,parent,sha256,type,pages,labels,label,indicator,score,stance,page,start,end,excerpt,reason,' +
  'found_on_pages,proposed_by,explanation,against,nearest_id,nearest_source,nearest_similarity,' +
  'model_version,error_code,error_message,unread_pages,ocr_pages,ocr_engine,ocr_confidence';

describe('csvFormat', () => {
  it('starts with the header row, ended by CRLF', () => {
    expect(csvFormat.begin()).toBe(`${header}\r\n`);
  });

  it('prints one row per finding', () => {
    const screening = sampleScreening({
      labels: ['police_in_care', 'sim_named'],
      findings: [
        sampleFinding(),
        sampleFinding({ label: 'sim_named', indicator: 'sim', page: null }),
      ],
    });
    const rows = parseCsv(csvFormat.document(screening, 0));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual([
      'papers/board.pdf',
      '',
      'ab'.repeat(32),
      'pdf',
      '3',
      'police_in_care;sim_named',
      'police_in_care',
      'police-joined-to-care-team',
      '0.85',
      'practice',
      '2',
      String(sampleFinding().start),
      String(sampleFinding().end),
      sampleFinding().excerpt,
      'Police officers are joined to a care team.',
      '2',
      'police-joined-to-care-team;frame:police',
      'One sentence names the police, and names a mental health service.',
      'The passage uses the words "crisis team".',
      't9-001',
      'https://example.org/sim-team',
      '0.71',
      '2026-12-07.0a1b2c3d',
      '',
      '',
      '0',
      '0',
      '',
      '',
    ]);
    expect(rows[1]?.slice(6, 11)).toEqual(['sim_named', 'sim', '0.85', 'practice', '']);
  });

  it('prints one row with empty finding columns for a document without findings or with an error', () => {
    const clean = parseCsv(csvFormat.document(sampleScreening({ labels: [], findings: [] }), 0));
    expect(clean).toHaveLength(1);
    expect(clean[0]?.slice(6, 25)).toEqual(Array(19).fill(''));
    const [failed] = parseCsv(csvFormat.document(failedSample(), 1));
    expect(failed?.slice(23)).toEqual([
      'unreadable',
      'Cannot read "missing.txt": the file does not exist',
      '0',
      '0',
      '',
      '',
    ]);
  });

  it('counts unread and OCR pages, and gives the OCR engine and confidence of a finding read by OCR', () => {
    const ocr = { engine: 'tesseract.js 7.0.0 (eng 4.0.0)', confidence: 91.5 };
    const screening = sampleScreening({
      unreadPages: 1,
      ocrPages: 2,
      findings: [sampleFinding({ ocr })],
    });
    const [row] = parseCsv(csvFormat.document(screening, 0));
    expect(row?.slice(25)).toEqual(['1', '2', 'tesseract.js 7.0.0 (eng 4.0.0)', '91.5']);
  });

  it("puts a repeated passage's pages in one cell, and leaves the model's columns empty for an assurance", () => {
    const assurance = sampleFinding({
      label: 'assurance',
      stance: 'assurance',
      pages: [2, 5],
      explanation: [],
      against: [],
      nearest: null,
      modelVersion: null,
    });
    const [row] = parseCsv(csvFormat.document(sampleScreening({ findings: [assurance] }), 0));
    expect(row?.slice(9, 10)).toEqual(['assurance']);
    expect(row?.slice(15, 23)).toEqual([
      '2;5',
      'police-joined-to-care-team;frame:police',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks so the text reads back unchanged', () => {
    const excerpt = 'The "high intensity" team, with police,\r\nmet weekly.\nAgain.';
    const rows = parseCsv(
      csvFormat.document(sampleScreening({ findings: [sampleFinding({ excerpt })] }), 0),
    );
    expect(rows[0]?.[13]).toBe(excerpt);
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'defuses %j as a spreadsheet formula with a leading apostrophe',
    (text) => {
      const screening = sampleScreening({
        path: `zip!/${text}`,
        findings: [sampleFinding({ excerpt: text })],
      });
      const [row] = parseCsv(csvFormat.document(screening, 0));
      expect(row?.[13]).toBe(`'${text}`);
    },
  );

  it('defuses formula-like member names but leaves "-" (standard input) as it is', () => {
    const [member] = parseCsv(csvFormat.document(sampleScreening({ path: '=cmd|x' }), 0));
    expect(member?.[0]).toBe("'=cmd|x");
    const [stdin] = parseCsv(csvFormat.document(sampleScreening({ path: '-' }), 0));
    expect(stdin?.[0]).toBe('-');
  });
});

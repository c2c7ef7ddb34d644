import { describe, expect, it } from 'vitest';

import { csvFormat } from './format-csv.js';
import { parseCsv } from './test-support/parse-csv.js';
import { failedSample, sampleFinding, sampleScreening } from './test-support/sample-screening.js';

const header =
  'path,parent,sha256,type,pages,labels,label,indicator,score,page,start,end,excerpt,reason,error_code,error_message';

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
      '2',
      String(sampleFinding().start),
      String(sampleFinding().end),
      sampleFinding().excerpt,
      'Police officers are joined to a care team.',
      '',
      '',
    ]);
    expect(rows[1]?.slice(6, 10)).toEqual(['sim_named', 'sim', '0.85', '']);
  });

  it('prints one row with empty finding columns for a document without findings or with an error', () => {
    const clean = parseCsv(csvFormat.document(sampleScreening({ labels: [], findings: [] }), 0));
    expect(clean).toHaveLength(1);
    expect(clean[0]?.slice(6, 16)).toEqual(Array(10).fill(''));
    const [failed] = parseCsv(csvFormat.document(failedSample(), 1));
    expect(failed?.slice(14)).toEqual([
      'unreadable',
      'Cannot read "missing.txt": the file does not exist',
    ]);
  });

  it('quotes commas, quotes and line breaks so the text reads back unchanged', () => {
    const excerpt = 'The "high intensity" team, with police,\r\nmet weekly.\nAgain.';
    const rows = parseCsv(
      csvFormat.document(sampleScreening({ findings: [sampleFinding({ excerpt })] }), 0),
    );
    expect(rows[0]?.[12]).toBe(excerpt);
  });

  it.each(['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'defuses %j as a spreadsheet formula with a leading apostrophe',
    (text) => {
      const screening = sampleScreening({
        path: `zip!/${text}`,
        findings: [sampleFinding({ excerpt: text })],
      });
      const [row] = parseCsv(csvFormat.document(screening, 0));
      expect(row?.[12]).toBe(`'${text}`);
    },
  );

  it('defuses formula-like member names but leaves "-" (standard input) as it is', () => {
    const [member] = parseCsv(csvFormat.document(sampleScreening({ path: '=cmd|x' }), 0));
    expect(member?.[0]).toBe("'=cmd|x");
    const [stdin] = parseCsv(csvFormat.document(sampleScreening({ path: '-' }), 0));
    expect(stdin?.[0]).toBe('-');
  });
});

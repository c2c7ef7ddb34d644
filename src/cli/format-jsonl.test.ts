import { describe, expect, it } from 'vitest';

import { jsonlFormat } from './format-jsonl.js';
import { failedSample, sampleFinding, sampleScreening } from './test-support/sample-screening.js';

describe('jsonlFormat', () => {
  it('prints one JSON object on one line, keys in the documented order', () => {
    const line = jsonlFormat.document(sampleScreening(), 0);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toContain('\n');
    const record = JSON.parse(line) as Record<string, unknown>;
    expect(Object.keys(record)).toEqual([
      'path',
      'parent',
      'sha256',
      'type',
      'pages',
      'unreadPages',
      'ocrPages',
      'labels',
      'findings',
      'warnings',
      'error',
      'catalogueVersion',
    ]);
    expect(Object.keys((record.findings as object[])[0] ?? {})).toEqual([
      'label',
      'indicator',
      'reason',
      'proposedBy',
      'excerpt',
      'page',
      'pages',
      'start',
      'end',
      'score',
      'stance',
      'highlights',
      'explanation',
      'against',
      'nearest',
      'modelVersion',
      'context',
      'ocr',
    ]);
  });

  it('gives a finding read by OCR its engine and confidence, and null for one that was not', () => {
    const ocr = { engine: 'tesseract.js 7.0.0 (eng 4.0.0)', confidence: 88 };
    const screening = sampleScreening({
      unreadPages: 1,
      ocrPages: 1,
      findings: [sampleFinding({ ocr }), sampleFinding()],
    });
    const record = JSON.parse(jsonlFormat.document(screening, 0)) as {
      unreadPages: number;
      ocrPages: number;
      findings: { ocr: unknown }[];
    };
    expect([record.unreadPages, record.ocrPages]).toEqual([1, 1]);
    expect(record.findings.map((finding) => finding.ocr)).toEqual([ocr, null]);
  });

  it('prints everything screening said of a finding: proposers, pages, stance, reasons and nearest example', () => {
    const record = JSON.parse(jsonlFormat.document(sampleScreening(), 0)) as {
      findings: Record<string, unknown>[];
    };
    expect(record.findings[0]).toMatchObject({ ...sampleFinding() });
    const assurance = JSON.parse(
      jsonlFormat.document(
        sampleScreening({ findings: [sampleFinding({ nearest: null, modelVersion: null })] }),
        0,
      ),
    ) as { findings: Record<string, unknown>[] };
    expect(assurance.findings[0]).toMatchObject({ nearest: null, modelVersion: null });
  });

  it('keeps line breaks inside excerpts escaped, so each document stays on one line', () => {
    const screening = sampleScreening({
      findings: [sampleFinding({ excerpt: 'one\ntwo\r\nthree' })],
    });
    const line = jsonlFormat.document(screening, 0);
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toMatchObject({ findings: [{ excerpt: 'one\ntwo\r\nthree' }] });
  });

  it('prints errors as {code, message} and nothing before or after the documents', () => {
    expect(JSON.parse(jsonlFormat.document(failedSample(), 3))).toMatchObject({
      error: { code: 'unreadable', message: 'Cannot read "missing.txt": the file does not exist' },
      sha256: null,
      type: null,
    });
    expect(jsonlFormat.begin()).toBe('');
  });
});

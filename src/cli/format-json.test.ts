import { describe, expect, it } from 'vitest';

import type { DocumentScreening } from '../screening/document-screening.js';
import { jsonFormat } from './format-json.js';
import { emptySummary, summarize } from './screen-summary.js';
import { failedSample, sampleScreening } from './test-support/sample-screening.js';

function print(screenings: DocumentScreening[]): string {
  const summary = screenings.reduce(summarize, emptySummary);
  const body = screenings.map((screening, index) => jsonFormat.document(screening, index));
  return jsonFormat.begin() + body.join('') + jsonFormat.end(summary);
}

describe('jsonFormat', () => {
  it('streams a valid, pretty-printed JSON array of the documents', () => {
    const text = print([sampleScreening(), failedSample()]);
    const parsed = JSON.parse(text) as { path: string }[];
    expect(parsed.map((record) => record.path)).toEqual(['papers/board.pdf', 'missing.txt']);
    expect(text).toContain('\n  {\n    "path": "papers/board.pdf",');
    expect(text.endsWith('\n]\n')).toBe(true);
  });

  it('prints an empty array when there is nothing to screen', () => {
    expect(print([])).toBe('[]\n');
  });
});

import type { DocumentScreening } from '../../screening/document-screening.js';
import type { Finding } from '../../screening/finding.js';

const pageText =
  'Minutes of the board.\n\nThe SIM team now includes a police officer embedded in the crisis team.';
const sentenceStart = pageText.indexOf('The SIM');

/** A finding on page 2 whose highlights cover "SIM team" and "police officer embedded". */
export function sampleFinding(overrides: Partial<Finding> = {}): Finding {
  return {
    label: 'police_in_care',
    indicator: 'police-joined-to-care-team',
    reason: 'Police officers are joined to a care team.',
    proposedBy: [
      { id: 'police-joined-to-care-team', reason: 'Police officers are joined to a care team.' },
      { id: 'frame:police', reason: 'names the police' },
    ],
    excerpt: pageText.slice(sentenceStart),
    page: 2,
    pages: [2],
    start: sentenceStart,
    end: pageText.length,
    score: 0.85,
    highlights: [
      { start: pageText.indexOf('SIM team'), end: pageText.indexOf('SIM team') + 8 },
      { start: pageText.indexOf('police'), end: pageText.indexOf('embedded') + 8 },
    ],
    stance: 'practice',
    explanation: ['One sentence names the police, and names a mental health service.'],
    against: ['The passage uses the words "crisis team".'],
    nearest: {
      id: 't9-001',
      source: 'https://example.org/sim-team',
      labels: ['police_in_care', 'sim_named'],
      stance: 'practice',
      similarity: 0.71,
    },
    modelVersion: '2026-12-07.0a1b2c3d',
    context: [],
    ...overrides,
  };
}

/** A screened document with one finding, unless overridden. */
export function sampleScreening(overrides: Partial<DocumentScreening> = {}): DocumentScreening {
  return {
    path: 'papers/board.pdf',
    parent: null,
    sha256: 'ab'.repeat(32),
    type: 'pdf',
    pages: 3,
    unreadPages: 0,
    ocrPages: 0,
    labels: ['police_in_care'],
    findings: [sampleFinding()],
    warnings: [],
    error: null,
    catalogueVersion: '2026.1.0',
    ...overrides,
  };
}

/** A document that could not be read. */
export function failedSample(path = 'missing.txt'): DocumentScreening {
  return sampleScreening({
    path,
    sha256: null,
    type: null,
    pages: 0,
    labels: [],
    findings: [],
    error: { code: 'unreadable', message: `Cannot read "${path}": the file does not exist` },
  });
}

import { describe, expect, it } from 'vitest';

import type { FindingRecord } from '../register-event.js';
import { findingRow } from './finding-row.js';

const recordedBeforeModels: FindingRecord = {
  id: 3,
  label: 'police_in_care',
  indicator: 'police-on-care-panel',
  reason: 'Police sit on a care panel.',
  excerpt: 'Police officers attend the panel.',
  pageNumber: 2,
  start: 10,
  end: 43,
  score: 0.8,
};

describe('findingRow()', () => {
  it('writes what screening said of a finding, objects as canonical JSON', () => {
    const row = findingRow(5, {
      ...recordedBeforeModels,
      stance: 'practice',
      modelVersion: '2026-12-07.0a1b2c3d',
      proposedBy: [{ id: 'police-on-care-panel', reason: 'Police sit on a care panel.' }],
      pages: [2, 7],
      explanation: ['Names the police.'],
      against: ['Names a meeting.'],
      nearest: {
        id: 't1-001',
        source: null,
        labels: ['police_in_care'],
        stance: 'practice',
        similarity: 0.7,
      },
    });
    expect(row).toMatchObject({
      id: 3,
      document_id: 5,
      status: 'pending',
      stance: 'practice',
      model_version: '2026-12-07.0a1b2c3d',
      proposed_by: '[{"id":"police-on-care-panel","reason":"Police sit on a care panel."}]',
      pages: '[2,7]',
      explanation: '["Names the police."]',
      against: '["Names a meeting."]',
      nearest:
        '{"id":"t1-001","labels":["police_in_care"],"similarity":0.7,"source":null,"stance":"practice"}',
    });
  });

  it.each([
    ['an evidence label', 'police_in_care', 2, 'practice', '[2]'],
    ['an assurance', 'assurance', 2, 'assurance', '[2]'],
    ['a finding without a page', 'sim_named', null, 'practice', '[null]'],
  ])(
    'gives a finding recorded before the model (%s) the values the migration gave old rows',
    (_, label, pageNumber, stance, pages) => {
      expect(findingRow(5, { ...recordedBeforeModels, label, pageNumber })).toMatchObject({
        stance,
        model_version: null,
        proposed_by: '[]',
        pages,
        explanation: '[]',
        against: '[]',
        nearest: null,
      });
    },
  );
});

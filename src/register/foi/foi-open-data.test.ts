import { describe, expect, it } from 'vitest';

import { testDatabases } from '../../test-support/register-databases.js';
import { buildOpenData } from '../open-data/build-open-data.js';
import { useTestRegister } from '../test-support/test-register.js';
import { changeState, createBatch, recordSentElsewhere } from './foi-service.js';

describe.each(testDatabases())('FOI requests in the open data ($name)', (database) => {
  const register = useTestRegister(database);

  it('publishes sent requests with their due day, timeliness and exemptions, and never a draft', async () => {
    const deps = register.deps();
    const batch = await createBatch(
      deps,
      {
        title: 'Crisis care',
        subject: 'Police in crisis teams',
        body: 'Dear {organisation}, do police officers work in your crisis teams?',
        target: { kind: 'mental_health_trusts' },
      },
      'ana',
    );
    await recordSentElsewhere(deps, { requestIds: batch.requestIds, sentOn: '2026-11-02' }, 'ana');
    await changeState(
      deps,
      { requestRef: 'SW-FOI-000001', state: 'refused', onDay: '2026-11-10', exemptions: ['s.12'] },
      'ana',
    );
    await createBatch(
      deps,
      {
        title: 'Draft',
        subject: 'Not sent',
        body: 'Text',
        target: { kind: 'mental_health_trusts' },
      },
      'ana',
    );
    const data = await buildOpenData(deps.database.db, {
      baseUrl: 'https://register.example.org',
      today: '2026-12-02',
    });
    const table = data.tables.find((each) => each.name === 'foi-requests');
    expect(table?.columns).toEqual([
      'ref',
      'url',
      'organisation_code',
      'organisation_name',
      'subject',
      'state',
      'sent_on',
      'due_on',
      'responded_on',
      'timeliness',
      'exemptions',
    ]);
    expect(table?.rows).toEqual([
      [
        'SW-FOI-000001',
        'https://register.example.org/foi/requests/SW-FOI-000001',
        'ZZT1',
        'Northmoor Mental Health NHS Trust',
        'Police in crisis teams',
        'refused',
        '2026-11-02',
        // Day 20 would be Monday 30 November, St Andrew's Day: a bank holiday in Scotland.
        '2026-12-01',
        '2026-11-10',
        'not_running',
        ['s.12'],
      ],
      [
        'SW-FOI-000002',
        'https://register.example.org/foi/requests/SW-FOI-000002',
        'ZZT2',
        'Westmoor Partnership NHS Trust',
        'Police in crisis teams',
        'awaiting_response',
        '2026-11-02',
        '2026-12-01',
        null,
        'overdue',
        [],
      ],
    ]);
  });
});

import { describe, expect, it } from 'vitest';

import {
  foiListUrl,
  parseFoiListQuery,
  requestCountText,
  stateItems,
  timelinessText,
} from './foi-view.js';

describe('parseFoiListQuery()', () => {
  it('reads known filters and drops unknown values rather than failing the page', () => {
    expect(
      parseFoiListQuery(
        {
          state: 'refused',
          timeliness: 'overdue_any',
          organisation: 'RX4',
          batch: 'SW-FOI-BATCH-0002',
        },
        { drafts: false },
      ),
    ).toEqual({
      state: 'refused',
      timeliness: 'overdue_any',
      organisation: 'RX4',
      batch: 'SW-FOI-BATCH-0002',
    });
    expect(
      parseFoiListQuery(
        { state: 'lost', timeliness: 'soon', organisation: '<script>', batch: 'x' },
        { drafts: true },
      ),
    ).toEqual({
      state: undefined,
      timeliness: undefined,
      organisation: undefined,
      batch: undefined,
    });
  });

  it('never lets the public filter on drafts', () => {
    expect(parseFoiListQuery({ state: 'draft' }, { drafts: false }).state).toBeUndefined();
    expect(parseFoiListQuery({ state: 'draft' }, { drafts: true }).state).toBe('draft');
    expect(stateItems({ drafts: false }).map((item) => item.value)).not.toContain('draft');
  });
});

describe('timelinessText()', () => {
  const base = { state: 'awaiting_response' as const, dueOn: '2027-02-01', respondedOn: null };
  it.each([
    [{ ...base, timeliness: 'on_time' as const, workingDaysOverdue: 0 }, 'Due by 1 February 2027'],
    [
      { ...base, timeliness: 'overdue' as const, workingDaysOverdue: 1 },
      'Overdue: 1 working day late',
    ],
    [
      { ...base, timeliness: 'long_overdue' as const, workingDaysOverdue: 23 },
      'Long overdue: 23 working days late',
    ],
    [
      {
        ...base,
        state: 'refused' as const,
        respondedOn: '2027-01-20',
        timeliness: 'not_running' as const,
        workingDaysOverdue: 0,
      },
      'Answered 20 January 2027',
    ],
    [
      {
        ...base,
        state: 'clarification_asked' as const,
        timeliness: 'not_running' as const,
        workingDaysOverdue: 0,
      },
      'Clock stopped: waiting for the clarification',
    ],
  ])('says how timely a request is (%#)', (request, text) => {
    expect(timelinessText(request)).toBe(text);
  });
});

describe('requestCountText()', () => {
  it('counts requests and overdue ones as an organisation page shows them', () => {
    expect(requestCountText({ requests: 12, overdue: 3 })).toBe('12 requests, 3 overdue');
    expect(requestCountText({ requests: 1, overdue: 0 })).toBe('1 request, 0 overdue');
  });
});

describe('foiListUrl()', () => {
  it('keeps only the filters that are set', () => {
    expect(foiListUrl('/foi', { organisation: 'RX4', state: undefined })).toBe(
      '/foi?organisation=RX4',
    );
    expect(foiListUrl('/foi', {})).toBe('/foi');
  });
});

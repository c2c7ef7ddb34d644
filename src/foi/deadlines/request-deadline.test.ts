import { describe, expect, it } from 'vitest';

import type { Clarification, RequestState, Timeliness } from '../foi-request.js';
import { clockStartDay, dueDate, longOverdueDate, requestDeadline } from './request-deadline.js';

describe('dueDate()', () => {
  it('is the 20th working day after receipt', () => {
    expect(dueDate('2026-03-02')).toBe('2026-03-31');
  });

  it('is unknown while a clarification is awaited: the clock is stopped', () => {
    expect(dueDate('2026-03-02', [{ askedOn: '2026-03-05', answeredOn: null }])).toBeNull();
  });

  it('restarts the 20 working days from the day the clarification was answered', () => {
    const clarifications = [{ askedOn: '2026-03-05', answeredOn: '2026-03-20' }];
    expect(dueDate('2026-03-02', clarifications)).toBe('2026-04-21');
  });

  it('counts from the last answered clarification when there were several', () => {
    const clarifications: Clarification[] = [
      { askedOn: '2026-03-05', answeredOn: '2026-03-09' },
      { askedOn: '2026-03-12', answeredOn: '2026-03-20' },
    ];
    expect(clockStartDay('2026-03-02', clarifications)).toBe('2026-03-20');
    expect(dueDate('2026-03-02', clarifications)).toBe('2026-04-21');
  });

  it('stays stopped when a later clarification is awaited after an earlier one was answered', () => {
    const clarifications: Clarification[] = [
      { askedOn: '2026-03-05', answeredOn: '2026-03-09' },
      { askedOn: '2026-03-12', answeredOn: null },
    ];
    expect(dueDate('2026-03-02', clarifications)).toBeNull();
  });

  it('takes another number of working days when asked', () => {
    expect(dueDate('2026-03-02', [], 40)).toBe('2026-04-30');
    expect(longOverdueDate('2026-03-02')).toBe('2026-04-30');
  });
});

describe('requestDeadline()', () => {
  const sent = (state: RequestState, clarifications: Clarification[] = []) => ({
    state,
    receivedOn: '2025-12-15',
    clarifications,
  });

  it.each([
    ['2026-01-16', 'on_time', 0, 'a reply on the due day itself is on time'],
    ['2026-01-02', 'on_time', 0, 'before the due day'],
    [
      '2026-01-17',
      'overdue',
      0,
      'the Saturday after the due Friday: late, though no working day has passed',
    ],
    ['2026-01-19', 'overdue', 1, 'the next working day'],
    ['2026-02-13', 'overdue', 20, 'the 40th working day is still only overdue'],
    ['2026-02-16', 'long_overdue', 21, 'the day after the 40th working day'],
  ] satisfies [string, Timeliness, number, string][])(
    'on %s an unanswered request is %s (%i working days late): %s',
    (today, timeliness, late, why) => {
      expect(requestDeadline(sent('awaiting_response'), today), why).toEqual({
        dueOn: '2026-01-16',
        longOverdueOn: '2026-02-13',
        timeliness,
        workingDaysOverdue: late,
      });
    },
  );

  it.each([
    'successful',
    'refused',
    'not_held',
    'withdrawn',
    'internal_review',
    'clarification_asked',
  ] as const)('a request in state %s is not running late, whatever the day', (state) => {
    const deadline = requestDeadline(sent(state), '2026-06-01');
    expect(deadline.timeliness).toBe('not_running');
    expect(deadline.workingDaysOverdue).toBe(0);
    expect(deadline.dueOn).toBe('2026-01-16');
  });

  it('a draft (never received) has no dates', () => {
    expect(
      requestDeadline({ state: 'draft', receivedOn: null, clarifications: [] }, '2026-06-01'),
    ).toEqual({
      dueOn: null,
      longOverdueOn: null,
      timeliness: 'not_running',
      workingDaysOverdue: 0,
    });
  });

  it('a request whose clarification is awaited has no due date and is not late', () => {
    const deadline = requestDeadline(
      sent('awaiting_response', [{ askedOn: '2025-12-16', answeredOn: null }]),
      '2026-06-01',
    );
    expect(deadline).toEqual({
      dueOn: null,
      longOverdueOn: null,
      timeliness: 'not_running',
      workingDaysOverdue: 0,
    });
  });

  it('a clarification answered late moves the due date, so the request is on time again', () => {
    const clarified = sent('awaiting_response', [
      { askedOn: '2025-12-16', answeredOn: '2026-01-20' },
    ]);
    expect(requestDeadline(sent('awaiting_response'), '2026-01-21').timeliness).toBe('overdue');
    expect(requestDeadline(clarified, '2026-01-21')).toMatchObject({
      dueOn: '2026-02-17',
      timeliness: 'on_time',
    });
  });
});

import { describe, expect, it } from 'vitest';

import { fakeTerminal } from '../test-support/fake-terminal.js';
import { foiDeadlineCommand } from './deadline-command.js';

async function run(...args: string[]) {
  const { terminal, out, err } = fakeTerminal({ noColor: true });
  const status = await foiDeadlineCommand.run(args, terminal);
  const stdout = out();
  return { status, stdout, stderr: err(), lastLine: stdout.trimEnd().split('\n').at(-1) };
}

describe('simwatch foi deadline', () => {
  it('prints the working and the due date as its last line', async () => {
    const result = await run('2025-12-15');
    expect(result.status).toBe(0);
    expect(result.lastLine).toBe('2026-01-16');
    expect(result.stdout).toContain('Received: Monday 15 December 2025');
    expect(result.stdout).toContain('day one is Tuesday 16 December 2025');
    expect(result.stdout).toContain('2026-01-02 January 2nd (Scotland)');
    expect(result.stdout).toContain('Skipped: 8 weekend days and 4 bank holidays');
    expect(result.stdout).toContain('Due: Friday 16 January 2026, the 20th working day');
  });

  it('counts from a clarification’s answer', async () => {
    const result = await run('2026-03-02', '--clarification', '2026-03-05:2026-03-20');
    expect(result.stdout).toContain(
      'Clarification asked on Thursday 5 March 2026, answered on Friday 20 March 2026: the count starts again',
    );
    expect(result.stdout).toContain('Good Friday');
    expect(result.lastLine).toBe('2026-04-21');
  });

  it('gives no due date while a clarification is awaited', async () => {
    const result = await run('2026-03-02', '--clarification', '2026-03-05');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('the clock is stopped');
    expect(result.lastLine).toBe('none');
  });

  it('counts another number of working days with --working-days', async () => {
    expect((await run('2026-03-02', '--working-days', '40')).lastLine).toBe('2026-04-30');
  });

  it('prints the working as JSON with --json', async () => {
    const result = await run('2026-03-02', '--json');
    const parsed = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      receivedOn: '2026-03-02',
      countsFrom: '2026-03-02',
      firstWorkingDay: '2026-03-03',
      dueOn: '2026-03-31',
      longOverdueOn: '2026-04-30',
      weekendDaysSkipped: 8,
    });
    expect(parsed.holidaysSkipped).toEqual([
      { date: '2026-03-17', name: 'St Patrick’s Day', nations: ['northern-ireland'] },
    ]);
  });

  it.each([
    [['2026-02-30'], /Cannot use the date of receipt "2026-02-30": write a real day as YYYY-MM-DD/],
    [['02/03/2026'], /"02\/03\/2026"/],
    [[], /give the date of receipt/],
    [
      ['2026-03-02', '--clarification', '2026-03-01:2026-03-04'],
      /asked on 2026-03-01: it is before 2026-03-02/,
    ],
    [
      ['2026-03-02', '--clarification', '2026-03-05:2026-03-04'],
      /answered on 2026-03-04: it is before it was asked/,
    ],
    [['2026-03-02', '--clarification', 'soon'], /"soon"/],
    [['2026-03-02', '--working-days', 'ten'], /--working-days "ten"/],
    [['2026-03-02', '--days', '3'], /--days/],
  ])('refuses %j with a clear message and status 2', async (args, message) => {
    const result = await run(...args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});

import { describe, expect, it } from 'vitest';

import { dateFromFileName, titleFromFileName } from './file-name-details.js';

const today = new Date(Date.UTC(2026, 11, 7));

describe('titleFromFileName()', () => {
  it.each([
    ['crisis-team_protocol.pdf', 'crisis team protocol'],
    ['Board papers  March.docx', 'Board papers March'],
    ['.pdf', 'Untitled'],
    ['notes', 'notes'],
  ])('suggests a title for %s', (name, title) => {
    expect(titleFromFileName(name)).toBe(title);
  });
});

describe('dateFromFileName()', () => {
  it.each([
    ['minutes-2024-03-15.pdf', '2024-03-15'],
    ['minutes_20240315.pdf', '2024-03-15'],
    ['minutes 15.03.2024.pdf', '2024-03-15'],
    ['minutes-5-3-2024.txt', '2024-03-05'],
    ['minutes-2024-02-30.pdf', null],
    ['minutes-2031-01-01.pdf', null],
    ['policy-v12.pdf', null],
    ['ref-123456789.pdf', null],
  ])('reads the date in %s', (name, date) => {
    expect(dateFromFileName(name, today)).toBe(date);
  });
});

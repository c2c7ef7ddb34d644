import { checkCalendarDate } from '../../../register/calendar-date.js';

/**
 * The title a file's name suggests, as the document pipeline would take it: the name without its
 * extension, dashes and underscores as spaces.
 */
export function titleFromFileName(fileName: string): string {
  const withoutExtension = fileName.replace(/\.[^.]{1,5}$/, '');
  return withoutExtension.replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim() || 'Untitled';
}

/**
 * A date written in a file's name (2024-03-15, 20240315 or 15-03-2024, with dashes, dots or
 * underscores), when it is a real date no later than `today`; otherwise null.
 */
export function dateFromFileName(fileName: string, today: Date): string | null {
  const patterns: [RegExp, (match: RegExpExecArray) => [string, string, string]][] = [
    [/(?<!\d)(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?!\d)/, (m) => [m[1] ?? '', m[2] ?? '', m[3] ?? '']],
    [
      /(?<!\d)(\d{1,2})[-_.](\d{1,2})[-_.](\d{4})(?!\d)/,
      (m) => [m[3] ?? '', m[2] ?? '', m[1] ?? ''],
    ],
  ];
  for (const [pattern, parts] of patterns) {
    const match = pattern.exec(fileName);
    if (!match) continue;
    const [year, month, day] = parts(match).map(Number) as [number, number, number];
    const checked = checkCalendarDate({ year, month, day }, { today, future: false });
    if (checked.ok) return checked.iso;
  }
  return null;
}

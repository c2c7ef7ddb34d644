import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { describeError, errorCodes, SimwatchError } from './errors.js';

describe('errorCodes', () => {
  it('are each documented in docs/reference.md with the same description', () => {
    const readme = readFileSync(new URL('../docs/reference.md', import.meta.url), 'utf8');
    const table = new Map(
      [...readme.matchAll(/^\| `([a-z_]+)` +\| (.+?) +\|$/gm)].map((row) => [row[1], row[2]]),
    );
    for (const [code, description] of Object.entries(errorCodes))
      expect(table.get(code), `README row for ${code}`).toBe(description);
  });
});

describe('describeError()', () => {
  it('keeps the code and message of a SimwatchError', () => {
    expect(describeError(new SimwatchError('not_found', 'Cannot find "X"'))).toEqual({
      code: 'not_found',
      message: 'Cannot find "X"',
    });
  });

  it('calls anything else internal', () => {
    expect(describeError(new Error('boom'))).toEqual({
      code: 'internal',
      message: 'Unexpected error: boom',
    });
  });
});

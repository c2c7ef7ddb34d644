import { describe, expect, it } from 'vitest';

import { doneNotice, doneNotices, doneUrl, queryText } from './done-notice.js';

describe('doneNotice()', () => {
  it.each([
    [{ done: 'assurance-recorded' }, doneNotices['assurance-recorded']],
    [{ done: 'password-changed' }, doneNotices['password-changed']],
    [{ done: '<script>alert(1)</script>' }, undefined],
    [{ done: 'toString' }, undefined],
    [{ done: ['assurance-recorded'] }, undefined],
    [{}, undefined],
    [undefined, undefined],
  ])('shows only a fixed message for %j', (query, expected) => {
    expect(doneNotice(query)).toBe(expected);
  });
});

describe('doneUrl()', () => {
  it('adds the notice and any other parameters, encoded', () => {
    expect(doneUrl('/workspace/organisations', 'organisation-added', { org: 'A&B 1' })).toBe(
      '/workspace/organisations?done=organisation-added&org=A%26B+1',
    );
  });
});

describe('queryText()', () => {
  it.each([
    [{ org: ' DEMO-T01 ' }, 'DEMO-T01'],
    [{ org: ['a', 'b'] }, ''],
    [null, ''],
  ])('reads %j', (query, expected) => {
    expect(queryText(query, 'org')).toBe(expected);
  });
});

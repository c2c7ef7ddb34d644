import { describe, expect, it } from 'vitest';

import { stableUrn } from './stable-urn.js';

describe('stableUrn()', () => {
  it('gives a version 5 urn:uuid that is the same every time for the same register and path', () => {
    const urn = stableUrn('abc123', 'evidence/12');
    expect(urn).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(stableUrn('abc123', 'evidence/12')).toBe(urn);
  });

  it('differs between paths and between registers', () => {
    const urns = new Set([
      stableUrn('abc123', 'evidence/12'),
      stableUrn('abc123', 'evidence/13'),
      stableUrn('abc123', 'assurance/12'),
      stableUrn('def456', 'evidence/12'),
    ]);
    expect(urns.size).toBe(4);
  });
});

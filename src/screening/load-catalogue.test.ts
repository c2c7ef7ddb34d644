import { describe, expect, it } from 'vitest';
import { parseCatalogue } from './load-catalogue.js';

const valid = `
version: test-1
vocabulary:
  police: [police]
context:
  negation: [not]
  critique:
    - pattern: campaigners
      weight: 1
      note: cites campaigners
indicators:
  - id: police-team
    label: police_in_care
    reason: Police in the team.
    strength: 0.8
    patterns: ['{police} ... team']
    examples:
      match: [The police officer joined the team.]
      no_match: [The team met.]
`;

describe('parseCatalogue()', () => {
  it('compiles a valid catalogue', () => {
    const catalogue = parseCatalogue(valid);
    expect(catalogue.version).toBe('test-1');
    expect(catalogue.indicators.map((indicator) => indicator.id)).toEqual(['police-team']);
    expect(catalogue.indicators[0]?.negatable).toBe(true);
  });

  it.each([
    [
      'an unknown label',
      valid.replace('label: police_in_care', 'label: policing'),
      /unknown label "policing"/,
    ],
    [
      'a strength above 1',
      valid.replace('strength: 0.8', 'strength: 2'),
      /strength must be a number above 0/,
    ],
    [
      'a missing example',
      valid.replace('      no_match: [The team met.]\n', ''),
      /examples.no_match must be a list/,
    ],
    [
      'a broken pattern',
      valid.replace("['{police} ... team']", "['{nurses} team']"),
      /no vocabulary list named "nurses"/,
    ],
    ['YAML that does not parse', 'version: [', /the YAML does not parse/],
    [
      'a repeated id',
      valid + valid.slice(valid.indexOf('  - id: police-team')),
      /the indicator id "police-team" is used twice/,
    ],
  ])('rejects %s with a clear message', (_, text, message) => {
    expect(() => parseCatalogue(text)).toThrow(message);
  });
});

import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { createBenchOrganisations } from './bench-organisations.js';
import { createRegisterBenchDocument, type RegisterBenchKind } from './register-bench-corpus.js';

const organisationCodes = createBenchOrganisations().map((organisation) => organisation.code);
const make = (kind: RegisterBenchKind, index: number, seed = 11) =>
  createRegisterBenchDocument({ seed, kind, organisationCodes }, index);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('createRegisterBenchDocument()', () => {
  it('makes the same bytes for the same seed and index, and others for another seed', () => {
    expect(sha256(make('board_paper', 5).bytes)).toBe(sha256(make('board_paper', 5).bytes));
    expect(sha256(make('board_paper', 5, 12).bytes)).not.toBe(sha256(make('board_paper', 5).bytes));
  });

  it('makes documents of 4 to 9 KB with distinct hashes, for one or two known organisations', () => {
    const documents = Array.from({ length: 200 }, (_, index) => make('board_paper', index));
    const dense = Array.from({ length: 20 }, (_, index) => make('dense', index));
    const hashes = new Set([...documents, ...dense].map((document) => sha256(document.bytes)));
    expect(hashes.size).toBe(220);
    for (const document of documents) {
      expect(document.bytes.byteLength).toBeGreaterThanOrEqual(4_000);
      expect(document.bytes.byteLength).toBeLessThanOrEqual(9_000);
      expect(document.organisationCodes.length).toBeGreaterThanOrEqual(1);
      expect(document.organisationCodes.length).toBeLessThanOrEqual(2);
      expect(organisationCodes).toEqual(expect.arrayContaining(document.organisationCodes));
      expect(document.documentDate).toMatch(/^20(19|2[0-4])-\d\d-\d\d$/);
    }
  });

  it('adds feature sentences to about one ordinary document in ten, and 40 to a dense one', () => {
    const documents = Array.from({ length: 300 }, (_, index) => make('board_paper', index));
    const withExtra = documents.filter((document) => document.addedFeatureSentences > 0).length;
    expect(withExtra).toBeGreaterThan(10);
    expect(withExtra).toBeLessThan(60);
    expect(make('dense', 0).addedFeatureSentences).toBe(40);
  });
});

describe('createBenchOrganisations()', () => {
  it('makes 40 fictional trusts and 20 police forces with codes BENCH-001 onwards', () => {
    const organisations = createBenchOrganisations();
    expect(organisations).toHaveLength(60);
    expect(organisations[0]?.code).toBe('BENCH-001');
    expect(organisations.filter((o) => o.kind === 'mental_health_trust')).toHaveLength(40);
    expect(organisations.filter((o) => o.kind === 'police_force')).toHaveLength(20);
    expect(new Set(organisations.map((o) => o.region)).size).toBe(7);
  });
});

import { afterEach, beforeEach } from 'vitest';

import { createAppDeps, type AppDeps } from '../../app/create-app-deps.js';
import { northmoorTrust } from '../../test-support/northmoor-trust.js';
import type { TestDatabase } from '../../test-support/register-databases.js';
import { addReviewers } from '../../test-support/add-reviewers.js';
import { ingestDocument, type IngestDetails } from '../documents/ingest-document.js';
import { decideFinding } from '../findings/findings-service.js';
import { importOrganisations } from '../organisations/organisations-service.js';

/** A fresh register for each test (two organisations, reviewer accounts), and a clock the test sets. */
export interface TestRegister {
  deps(): AppDeps;
  /** What the register's clock says from now on (ISO 8601). */
  setTime(iso: string): void;
}

/** The reviewers' accounts every test register has. */
export const testReviewers = ['ana', 'ben'];

/** A second organisation, so that reads by organisation have one to leave out. */
export const westmoorTrust = {
  ...northmoorTrust,
  code: 'ZZT2',
  name: 'Westmoor Partnership NHS Trust',
};

/**
 * Builds, before each test of the enclosing `describe`, an empty register on `database` holding
 * the two fictional trusts (ZZT1 Northmoor, ZZT2 Westmoor), and removes it afterwards.
 */
export function useTestRegister(database: TestDatabase): TestRegister {
  let deps: AppDeps | undefined;
  let cleanUp: (() => Promise<void>) | undefined;
  let time = new Date('2026-11-20T10:00:00Z');
  beforeEach(async () => {
    time = new Date('2026-11-20T10:00:00Z');
    const created = await database.create();
    cleanUp = created.cleanUp;
    deps = await createAppDeps(created.config, { now: () => time });
    await importOrganisations(deps, [northmoorTrust, westmoorTrust], 'tester');
    await addReviewers(deps, ...testReviewers);
  });
  afterEach(async () => {
    await deps?.close();
    await cleanUp?.();
  });
  return {
    deps() {
      if (!deps) throw new Error('The test register is built before each test');
      return deps;
    },
    setTime(iso) {
      time = new Date(iso);
    },
  };
}

/** Ingests a text document through the real write path; returns its id. */
export async function addTextDocument(
  deps: AppDeps,
  text: string,
  details: Partial<Omit<IngestDetails, 'actor'>> = {},
): Promise<number> {
  const result = await ingestDocument(deps, {
    bytes: new TextEncoder().encode(text),
    fileName: 'paper.txt',
    organisationCodes: ['ZZT1'],
    docType: 'policy',
    documentDate: '2025-06-01',
    actor: 'ana',
    ...details,
  });
  return result.documentId;
}

/** Two different reviewers confirm a finding, which makes it evidence. */
export async function confirmFinding(deps: AppDeps, findingId: number): Promise<void> {
  await decideFinding(deps, { findingId, reviewer: 'ana', decision: 'confirm' });
  await decideFinding(deps, { findingId, reviewer: 'ben', decision: 'confirm' });
}

/** Two different reviewers reject a finding. */
export async function rejectFinding(deps: AppDeps, findingId: number): Promise<void> {
  const reason = 'Not about the model';
  await decideFinding(deps, { findingId, reviewer: 'ana', decision: 'reject', reason });
  await decideFinding(deps, { findingId, reviewer: 'ben', decision: 'reject', reason });
}

/**
 * A policy whose two passages screening finds (a police officer in a care team; frequent callers
 * as a cost), with personal data in both that published excerpts must not show.
 */
export const northmoorPolicy = [
  'Crisis pathway policy',
  '',
  'A specialist police officer joins the community mental health team and works alongside a named care coordinator for each person. Call Dr Jane Smith on 020 7946 0018.',
  '',
  'Frequent callers cost the service over £400,000 a year and their demand must be reduced. Write to jane.smith@example.org.',
].join('\n');

/** A paper with a passage screening finds (frequent callers as a cost), and no personal data. */
export const westmoorPaper = [
  'Westmoor high intensity plan',
  '',
  'Frequent callers cost the trust over £250,000 a year and their demand must be reduced.',
].join('\n');

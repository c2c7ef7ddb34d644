import { ingestDocument } from '../register/documents/ingest-document.js';
import { countPassageLabels, groupByPassage } from '../register/findings/group-passages.js';
import { findingStatuses } from '../register/findings/finding-status.js';
import { listTriageFindings } from '../register/findings/triage-repository.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { createBoardPack } from './board-pack.js';

/** What reviewers face after a board pack is screened into the register. */
export interface TriageDecisionsMeasure {
  pages: number;
  findings: number;
  /** Distinct passages (overlapping findings on one page are one passage). */
  passages: number;
  /** Distinct (passage, label) pairs: the most decisions a reviewer should need. */
  passageLabels: number;
  /** Decisions each reviewer records to clear the pack: one per finding (bulk or inline). */
  decisionsPerReviewer: number;
  /** Bulk actions each reviewer needs if every label of a passage takes the same decision. */
  actionsPerReviewer: number;
}

/**
 * Ingests a generated board pack of `pages` pages into the register (which must hold the
 * organisation `organisationCode`) and counts findings, distinct passages and the decisions each
 * of the two reviewers needs. The two-reviewer rule asks every reviewer to decide every finding,
 * so decisions per reviewer are the findings; the target is at most one per (passage, label).
 */
export async function measureTriageDecisions(
  deps: RegisterDeps,
  options: { seed: number; pages: number; organisationCode: string },
): Promise<TriageDecisionsMeasure> {
  const bytes = await createBoardPack(options);
  const ingested = await ingestDocument(deps, {
    bytes,
    fileName: `board-pack-${options.pages}-pages.pdf`,
    organisationCodes: [options.organisationCode],
    docType: 'board_paper',
    documentDate: '2026-01-15',
    obtained: 'generated for the triage benchmark',
    actor: 'bench',
  });
  const { findings } = await listTriageFindings(
    deps.database.db,
    { statuses: findingStatuses, documentId: ingested.documentId },
    { offset: 0, limit: 100_000 },
  );
  const places = findings.map((finding) => ({
    documentId: finding.documentId,
    page: finding.page,
    start: finding.start,
    end: finding.end,
    label: finding.label,
  }));
  const passages = groupByPassage(places).length;
  return {
    pages: ingested.pages,
    findings: findings.length,
    passages,
    passageLabels: countPassageLabels(places),
    decisionsPerReviewer: findings.length,
    actionsPerReviewer: passages,
  };
}

import type { Insertable } from 'kysely';

import { canonicalJson } from '../../record/canonical-json.js';
import type { FindingsTable } from '../../store/schema.js';
import type { FindingRecord } from '../register-event.js';

/**
 * The findings row an ingest event writes for one finding, still `pending`. Events recorded
 * before the learned model carry none of its fields: such a finding is read as the catalogue's
 * rules read it (a practice, or an assurance for the assurance label), proposed by its own
 * indicator alone, on its one page, with no model, reasons or nearest example. The migration
 * that added these columns gave earlier rows the same values. Lists and objects are kept as
 * canonical JSON, so a row written live and one rebuilt from the record hold the same text.
 */
export function findingRow(documentId: number, finding: FindingRecord): Insertable<FindingsTable> {
  return {
    id: finding.id,
    document_id: documentId,
    label: finding.label,
    indicator: finding.indicator,
    reason: finding.reason,
    excerpt: finding.excerpt,
    page_number: finding.pageNumber,
    start_offset: finding.start,
    end_offset: finding.end,
    score: finding.score,
    status: 'pending',
    stance: finding.stance ?? (finding.label === 'assurance' ? 'assurance' : 'practice'),
    model_version: finding.modelVersion ?? null,
    proposed_by: canonicalJson(finding.proposedBy ?? []),
    pages: canonicalJson(finding.pages ?? [finding.pageNumber]),
    explanation: canonicalJson(finding.explanation ?? []),
    against: canonicalJson(finding.against ?? []),
    nearest: finding.nearest ? canonicalJson(finding.nearest) : null,
    highlights: canonicalJson(finding.highlights ?? []),
    assigned_to: null,
    assigned_by: null,
    assigned_at: null,
  };
}

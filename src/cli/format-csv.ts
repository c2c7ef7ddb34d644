import type { DocumentScreening } from '../screening/document-screening.js';
import type { Finding } from '../screening/finding.js';
import { csvRow, type CsvCell } from '../format/csv-row.js';
import type { OutputFormat } from './output-format.js';

const columns = [
  'path',
  'parent',
  'sha256',
  'type',
  'pages',
  'labels',
  'label',
  'indicator',
  'score',
  'stance',
  'page',
  'start',
  'end',
  'excerpt',
  'reason',
  'found_on_pages',
  'proposed_by',
  'explanation',
  'against',
  'nearest_id',
  'nearest_source',
  'nearest_similarity',
  'model_version',
  'error_code',
  'error_message',
  'unread_pages',
  'ocr_pages',
  'ocr_engine',
  'ocr_confidence',
] as const;

/**
 * CSV (RFC 4180, CRLF line ends): a header, then one row per finding, and one row with empty
 * finding columns for each document without findings, so every document appears. Lists in a
 * cell: pages and proposers separated by `;`, the model's reasons one a line.
 */
export const csvFormat: OutputFormat = {
  begin: () => csvRow(columns),
  document: (screening) =>
    screening.findings.length === 0
      ? csvRow(cells(screening, undefined))
      : screening.findings.map((finding) => csvRow(cells(screening, finding))).join(''),
  end: () => '',
};

function cells(screening: DocumentScreening, finding: Finding | undefined): CsvCell[] {
  return [
    screening.path,
    screening.parent,
    screening.sha256,
    screening.type,
    screening.pages,
    screening.labels.join(';'),
    finding?.label ?? null,
    finding?.indicator ?? null,
    finding?.score ?? null,
    finding?.stance ?? null,
    finding?.page ?? null,
    finding?.start ?? null,
    finding?.end ?? null,
    finding?.excerpt ?? null,
    finding?.reason ?? null,
    finding ? finding.pages.map((page) => page ?? '').join(';') : null,
    finding ? finding.proposedBy.map((proposal) => proposal.id).join(';') : null,
    finding ? finding.explanation.join('\n') : null,
    finding ? finding.against.join('\n') : null,
    finding?.nearest?.id ?? null,
    finding?.nearest?.source ?? null,
    finding?.nearest?.similarity ?? null,
    finding?.modelVersion ?? null,
    screening.error?.code ?? null,
    screening.error?.message ?? null,
    screening.unreadPages,
    screening.ocrPages,
    finding?.ocr?.engine ?? null,
    finding?.ocr?.confidence ?? null,
  ];
}

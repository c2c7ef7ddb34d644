import type { Kysely } from 'kysely';

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { redactionMarkers } from '../../redaction/redaction.js';
import { describeDocumentEdit } from '../../register/documents/describe-document-edit.js';
import { documentKindNames, documentKinds } from '../../register/documents/document.js';
import { listDocumentEdits } from '../../register/documents/documents-repository.js';
import type { DatabaseSchema } from '../../store/schema.js';
import { formatDate } from '../render/template-environment.js';
import { httpUrlOrNull } from './http-url.js';
import { describeLabel } from './label-names.js';
import { formatNames } from './original-download.js';
import { buildTextRuns, locateFinding, type HiddenSpan, type TextRun } from './text-runs.js';

/** Everything a document's page shows. */
export interface DocumentPage {
  document: {
    id: number;
    title: string;
    typeName: string;
    formatName: string;
    date: string | null;
    source: string | null;
    /** The source as a link, when it is a web address. */
    sourceUrl: string | null;
    obtained: string | null;
    pageCount: number;
    addedAt: string;
    byteSize: number;
    /** True when anyone may read its text and download its original. */
    public: boolean;
  };
  organisations: { code: string; name: string }[];
  /** Confirmed findings only, with redacted excerpts. */
  findings: {
    id: number;
    labelName: string;
    reason: string;
    excerpt: string;
    redactedCount: number;
    page: number | null;
    href: string;
  }[];
  /** The text by page, or null when it is not shown to this reader. */
  pages: { number: number; runs: TextRun[] }[] | null;
  /** The corrections of its details, newest first: when, why and what changed. */
  history: { time: string; reason: string; lines: string[] }[];
}

/**
 * Reads a document's page, or undefined when there is no such document: its details, its
 * organisations, its confirmed findings and (when `withText`) its text by page with the confirmed
 * findings highlighted. With `redactText`, personal data in the text is replaced by markers, as in
 * published excerpts. Five queries by the document's id (the last reads its corrections).
 */
export async function loadDocumentPage(
  db: Kysely<DatabaseSchema>,
  id: number,
  options: { withText: (isPublic: boolean) => boolean; redactText: boolean },
): Promise<DocumentPage | undefined> {
  const row = await db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const isPublic = row.public === 1;
  const withText = options.withText(isPublic);
  const [organisations, findings, pages, edits] = await Promise.all([
    db
      .selectFrom('document_organisations')
      .innerJoin('organisations', 'organisations.id', 'document_organisations.organisation_id')
      .select(['organisations.code', 'organisations.name'])
      .where('document_organisations.document_id', '=', id)
      .orderBy('organisations.name')
      .execute(),
    db
      .selectFrom('findings')
      .select(['id', 'label', 'reason', 'excerpt', 'page_number', 'start_offset', 'end_offset'])
      .where('document_id', '=', id)
      .where('status', '=', 'confirmed')
      .orderBy('page_number')
      .orderBy('start_offset')
      .orderBy('id')
      .execute(),
    withText
      ? db
          .selectFrom('document_pages')
          .select(['position', 'page_number', 'text'])
          .where('document_id', '=', id)
          .orderBy('position')
          .execute()
      : undefined,
    listDocumentEdits(db, id),
  ]);
  return {
    document: {
      id: row.id,
      title: row.title,
      typeName: documentKindNames[documentKinds.find((kind) => kind === row.doc_type) ?? 'other'],
      formatName: formatNames[row.media_type] ?? row.media_type,
      date: row.document_date,
      source: row.source,
      sourceUrl: httpUrlOrNull(row.source),
      obtained: row.obtained,
      pageCount: row.page_count,
      addedAt: row.added_at,
      byteSize: row.byte_size,
      public: isPublic,
    },
    organisations,
    history: edits.reverse().map((edit) => ({
      time: edit.time,
      reason: edit.reason,
      lines: describeDocumentEdit(edit, formatDate),
    })),
    findings: findings.map((finding) => {
      const redacted = redactExcerpt(finding.excerpt);
      return {
        id: finding.id,
        labelName: describeLabel(finding.label),
        reason: finding.reason,
        excerpt: redacted.text,
        redactedCount: redacted.redacted.length,
        page: finding.page_number,
        href: `#finding-${finding.id}`,
      };
    }),
    pages:
      pages?.map((page) => {
        // Findings store the page number they were found on (null for documents without pages,
        // which have one page) and offsets into that page's text.
        const number = page.page_number ?? page.position;
        const highlights = findings
          .filter((finding) => (finding.page_number ?? 1) === number)
          .flatMap((finding) => {
            const span = locateFinding(page.text, {
              start: finding.start_offset,
              end: finding.end_offset,
              excerpt: finding.excerpt,
            });
            return span ? [{ ...span, findingId: finding.id }] : [];
          });
        const hidden: HiddenSpan[] = options.redactText
          ? redactExcerpt(page.text).redacted.map((span) => ({
              start: span.start,
              end: span.end,
              marker: redactionMarkers[span.kind],
            }))
          : [];
        return { number, runs: buildTextRuns(page.text, highlights, hidden) };
      }) ?? null,
  };
}

import { redactExcerpt } from '../../redaction/redact-excerpt.js';
import { redactionMarkers } from '../../redaction/redaction.js';
import { describeDocumentEdit } from '../../register/documents/describe-document-edit.js';
import { documentKindNames, documentKinds } from '../../register/documents/document.js';
import { listDocumentEdits } from '../../register/documents/documents-repository.js';
import {
  findConfirmedFinding,
  findStoredDocument,
  listConfirmedFindings,
  listDocumentOrganisations,
  listPageLengths,
  readPageTexts,
} from '../../register/documents/document-page-repository.js';
import type { RegisterDatabase } from '../../register/register-deps.js';
import { formatDate } from '../render/template-environment.js';
import { httpUrlOrNull } from '../render/http-url.js';
import { describeLabel } from '../render/describe-label.js';
import { formatNames } from './original-download.js';
import { paginate, type Pagination, type PaginationItem } from '../../search/search-pagination.js';
import {
  chunkSpan,
  partShowing,
  planTextParts,
  textPartLimits,
  type PageChunk,
  type TextPartLimits,
} from './text-parts.js';
import {
  buildTextRuns,
  locateFinding,
  type HiddenSpan,
  type TextRun,
  type TextSpan,
} from './text-runs.js';

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
    /** The SHA-256 hash of the original file, as the record holds it. */
    sha256: string;
    /** True when anyone may read its text and download its original. */
    public: boolean;
    /** Pages that could not be read (so were not screened); null when not counted (older documents). */
    unreadPages: number | null;
    /** Pages whose text was read by OCR (known when its text is shown). */
    ocrPages: number | null;
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
    /** Where the text shows it: on this part, or on the part of the text that holds it. */
    href: string;
    /** How OCR read its page: both null when the page had a text layer. */
    ocr: { engine: string | null; confidence: number | null };
  }[];
  /**
   * The part of the text asked for, by page, or null when the text is not shown to this reader.
   * A long text is shown a part at a time (see text-parts), so no page of the site is unbounded.
   */
  pages: ShownPage[] | null;
  /** Which part of the text is shown, of how many, and the links between parts. */
  text: {
    part: number;
    partCount: number;
    firstPage: number | null;
    lastPage: number | null;
    pagination: Pagination | undefined;
  } | null;
  /** The corrections of its details, newest first: when, why and what changed. */
  history: { time: string; reason: string; lines: string[] }[];
}

/** An extracted page, or a piece of one, as a part of the text shows it. */
export interface ShownPage {
  number: number;
  /** True when the page began on the part before. */
  continued: boolean;
  /** True when the page goes on in the next part. */
  continues: boolean;
  runs: TextRun[];
  /** How OCR read the page: both null when it had a text layer. */
  ocr: { engine: string | null; confidence: number | null };
}

/** How far around a part's text personal data is looked for, so none is cut in two and missed. */
const redactionMargin = 200;

/**
 * Reads a document's page, or undefined when there is no such document or no such part of its
 * text: its details, its organisations, its confirmed findings and (when `withText`) part `part`
 * (from 1) of its text by page with the confirmed findings highlighted. With `redactText`,
 * personal data in the text is replaced by markers, as in published excerpts. Only the text of
 * the pages on that part is read, and the document's corrections.
 */
export async function loadDocumentPage(
  db: RegisterDatabase['db'],
  id: number,
  options: {
    withText: (isPublic: boolean) => boolean;
    redactText: boolean;
    part?: number;
    limits?: TextPartLimits;
  },
): Promise<DocumentPage | undefined> {
  const row = await findStoredDocument(db, id);
  if (!row) return undefined;
  const isPublic = row.public === 1;
  const withText = options.withText(isPublic);
  const limits = options.limits ?? textPartLimits;
  const part = options.part ?? 1;
  const [organisations, findings, lengths, edits] = await Promise.all([
    listDocumentOrganisations(db, id),
    listConfirmedFindings(db, id),
    withText ? listPageLengths(db, id) : undefined,
    listDocumentEdits(db, id),
  ]);
  const parts = lengths ? planTextParts(lengths, limits) : undefined;
  const shown = parts?.[part - 1];
  if (part !== 1 && !shown) return undefined;
  const textAt = await readPageTexts(
    db,
    id,
    (shown ?? []).map((chunk) => chunk.position),
  );
  const ocrAt = new Map(lengths?.map((page) => [page.position, page.ocr]));
  const pages =
    shown?.map((chunk) => ({
      ...showChunk(chunk, textAt.get(chunk.position) ?? '', findings, {
        redactText: options.redactText,
        maxCharacters: limits.maxCharacters,
      }),
      ocr: ocrAt.get(chunk.position) ?? { engine: null, confidence: null },
    })) ?? (parts ? [] : null);
  const partCount = parts?.length ?? 0;
  const hrefOfPart = (number: number) => `/documents/${String(row.id)}?part=${String(number)}#text`;
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
      sha256: row.sha256,
      public: isPublic,
      unreadPages: row.unread_pages,
      ocrPages: lengths ? lengths.filter((page) => page.ocr.engine !== null).length : null,
    },
    organisations,
    history: edits.reverse().map((edit) => ({
      time: edit.time,
      reason: edit.reason,
      lines: describeDocumentEdit(edit, formatDate),
    })),
    findings: findings.map((finding) => {
      const redacted = redactExcerpt(finding.excerpt);
      const onPart = parts
        ? partShowing(parts, finding.page_number, finding.start_offset, limits.maxCharacters)
        : undefined;
      return {
        id: finding.id,
        labelName: describeLabel(finding.label),
        reason: finding.reason,
        excerpt: redacted.text,
        redactedCount: redacted.redacted.length,
        page: finding.page_number,
        href:
          onPart === undefined || onPart === part
            ? `#finding-${String(finding.id)}`
            : `/documents/${String(row.id)}?part=${String(onPart)}#finding-${String(finding.id)}`,
        ocr: { engine: finding.ocr_engine, confidence: finding.ocr_confidence },
      };
    }),
    pages,
    text: parts
      ? {
          part,
          partCount,
          firstPage: shown?.[0]?.number ?? null,
          lastPage: shown?.at(-1)?.number ?? null,
          pagination: partPagination(part, partCount, hrefOfPart),
        }
      : null,
  };
}

/**
 * The part of a document's text (from 1) that highlights one of its confirmed findings, or
 * undefined when the document has no such confirmed finding: what a lasting link to a finding
 * (in the feed, say) is sent on to.
 */
export async function findConfirmedFindingPart(
  db: RegisterDatabase['db'],
  documentId: number,
  findingId: number,
  limits: TextPartLimits = textPartLimits,
): Promise<number | undefined> {
  const finding = await findConfirmedFinding(db, documentId, findingId);
  if (!finding) return undefined;
  const parts = planTextParts(await listPageLengths(db, documentId), limits);
  return partShowing(parts, finding.page_number, finding.start_offset, limits.maxCharacters) ?? 1;
}

/** One chunk of an extracted page, with its findings highlighted and personal data hidden. */
function showChunk(
  chunk: PageChunk,
  pageText: string,
  findings: readonly {
    id: number;
    excerpt: string;
    page_number: number | null;
    start_offset: number;
    end_offset: number;
  }[],
  options: { redactText: boolean; maxCharacters: number },
): Omit<ShownPage, 'ocr'> {
  const span = chunkSpan(chunk, pageText.length, options.maxCharacters);
  const text = pageText.slice(span.start, span.end);
  const highlights = findings
    .filter((finding) => (finding.page_number ?? 1) === chunk.number)
    .flatMap((finding) => {
      const found = locateFinding(pageText, {
        start: finding.start_offset,
        end: finding.end_offset,
        excerpt: finding.excerpt,
      });
      return found ? [{ ...shift(found, span.start), findingId: finding.id }] : [];
    });
  const hidden = options.redactText ? hiddenSpans(pageText, span) : [];
  return {
    number: chunk.number,
    continued: chunk.chunk > 0,
    continues: chunk.chunk < chunk.chunks - 1,
    runs: buildTextRuns(text, highlights, hidden),
  };
}

/**
 * Personal data in and around a chunk of a page, relative to the chunk: found in the chunk and a
 * margin either side, so a name cut by the chunk's edge is still found and hidden.
 */
function hiddenSpans(pageText: string, span: TextSpan): HiddenSpan[] {
  const from = Math.max(0, span.start - redactionMargin);
  const to = Math.min(pageText.length, span.end + redactionMargin);
  return redactExcerpt(pageText.slice(from, to)).redacted.map((hidden) => ({
    ...shift({ start: hidden.start + from, end: hidden.end + from }, span.start),
    marker: redactionMarkers[hidden.kind],
  }));
}

/** Links to the parts of the text, numbered, each read out as "Part N" (not "Page N"). */
function partPagination(
  part: number,
  partCount: number,
  hrefOf: (part: number) => string,
): (Pagination & { items: (PaginationItem & { ariaLabel?: string })[] }) | undefined {
  const pagination = paginate(part, partCount, hrefOf);
  return (
    pagination && {
      ...pagination,
      items: pagination.items.map((item) =>
        'number' in item ? { ...item, ariaLabel: `Part ${item.number}` } : item,
      ),
    }
  );
}

function shift(span: TextSpan, by: number): TextSpan {
  return { start: span.start - by, end: span.end - by };
}

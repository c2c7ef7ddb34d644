import { basename, extname } from 'node:path';

import { SimwatchError, type ErrorCode } from '../../errors.js';
import type { ExtractionWarning } from '../../extract/extracted-document.js';
import type { DocumentSource } from '../../pipeline/document-pipeline.js';
import type { ScreenedDocument } from '../../screening/document-screening.js';
import type { Finding } from '../../screening/finding.js';
import { sha256Of } from '../../store/blob-store.js';
import { getOrganisationByCode } from '../organisations/organisations-repository.js';
import { currentScreeningModel } from '../models/current-engine.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { FindingRecord } from '../register-event.js';
import { checkChoice, checkOptionalDate, checkText } from '../validate-input.js';
import { documentKinds, type DocumentKind } from './document.js';
import { summarisePageReading } from './summarise-page-reading.js';

/**
 * The most findings one document keeps (an attachment or archive member counts as a document of
 * its own): a 10,000-page text-dense PDF once gave 360,000 findings in one 204 MB record event.
 * The rest are counted, not recorded, and the document says so.
 */
export const maxFindingsPerDocument = 2_000;

/** What is known of a document to add to the register. */
export interface IngestDetails {
  /** The name it had (recorded, and used in messages); null when it had none. */
  fileName: string | null;
  title?: string | null;
  organisationCodes: readonly string[];
  docType: string;
  documentDate?: string | null;
  /** A URL or an FOI reference. */
  source?: string | null;
  /** How it was obtained (FOI request, published online, leaked...). */
  obtained?: string | null;
  /** Whether anyone may download the original (default yes). */
  public?: boolean;
  /** False reads no page by OCR for this document (`--no-ocr`): its scanned pages stay unread. */
  ocr?: boolean;
  actor: string;
}

/** A document to add: its bytes, or a file that the pipeline reads within its limits. */
export type IngestInput = IngestDetails & DocumentSource;

/** What ingesting a document did. */
export interface IngestResult {
  documentId: number;
  sha256: string;
  /** True when the same bytes were already in the register: nothing was changed. */
  duplicate: boolean;
  pages: number;
  findings: number;
  /** Findings left out because the document had more than `maxFindingsPerDocument`. */
  findingsOmitted: number;
  warnings: ExtractionWarning[];
  /** Pages whose text was read from their image by OCR. */
  ocrPages: number;
  /** The OCR'd pages' mean confidence (0 to 100); null when none was OCR'd. */
  ocrConfidence: number | null;
  /** Pages that could not be read (not screened): OCR off or failed, or damaged. */
  unreadPages: number;
  /** Email attachments and archive members, each ingested as a document of its own. */
  children: ChildIngest[];
}

/** What became of one attachment or archive member: ingested, or the reason it could not be. */
export interface ChildIngest {
  name: string;
  result: IngestResult | null;
  error: { code: ErrorCode; message: string } | null;
}

/**
 * Adds a document: the document pipeline reads and screens it in a worker (with its time limit
 * and memory cap), then the original is stored by its SHA-256 and one transaction records the
 * document, its pages and its findings (all `pending`). The same bytes a second time change
 * nothing. An email's attachments and an archive's members become documents of their own, with
 * the same organisations and details, each in its own transaction. Throws when the document
 * itself cannot be read, or exceeds the pipeline's limits (`timeout`, `out_of_memory`).
 */
export async function ingestDocument(
  deps: RegisterDeps,
  input: IngestInput,
): Promise<IngestResult> {
  const today = deps.now();
  const details = {
    ...input,
    docType: checkChoice(input.docType, documentKinds, 'document type'),
    documentDate: checkOptionalDate(input.documentDate, 'document date', { today }),
    actor: checkText(input.actor, 'who added it'),
  };
  if (input.organisationCodes.length === 0)
    throw new SimwatchError(
      'invalid_input',
      'Cannot ingest a document without an organisation: name at least one',
    );
  for (const code of input.organisationCodes) await getOrganisationByCode(deps.database.db, code);
  if ('bytes' in input) {
    const sha256 = sha256Of(input.bytes);
    const known = await findDocumentId(deps, sha256);
    if (known !== undefined) return duplicate(known, sha256);
  }

  // The worker builds its engine while this process finds which model to screen with; this
  // process builds none, so a server's event loop never spends seconds preparing one.
  const starting = deps.pipeline.start();
  const model = await currentScreeningModel(deps);
  await starting;
  const name = input.fileName ?? 'document';
  const source: DocumentSource = 'bytes' in input ? { bytes: input.bytes } : { path: input.path };
  const documents = await deps.pipeline.read(source, {
    name,
    maxFindings: maxFindingsPerDocument,
    ...(input.ocr === false ? { ocr: false } : {}),
    // The shipped model is in the worker already; the register's own model is sent with the task.
    ...(model && model.version !== deps.pipeline.shippedModelVersion ? { model } : {}),
  });
  const [top, ...nested] = documents;
  if (!top) throw new SimwatchError('internal', `Cannot ingest "${name}": nothing was read`);
  if (top.error) throw new SimwatchError(top.error.code, top.error.message);
  const title = details.title?.trim() || titleFrom(input.fileName, top.content?.pages[0]?.text);
  const result = await recordDocument(deps, top, { ...details, title });

  // Results come depth first, each naming its parent: a child is recorded once its parent is,
  // and a duplicate's or a failure's children are not (as their parent's were recorded before).
  const recorded = new Map([[top.path, { result, title }]]);
  for (const document of nested) {
    const parent = document.parent === null ? undefined : recorded.get(document.parent);
    if (!parent || parent.result.duplicate) continue;
    const childTitle = `${parent.title}: ${basename(document.path.split('!/').at(-1) ?? '')}`;
    try {
      if (document.error) throw new SimwatchError(document.error.code, document.error.message);
      const child = await recordDocument(deps, document, {
        ...details,
        fileName: document.path,
        title: childTitle,
      });
      parent.result.children.push({ name: document.path, result: child, error: null });
      recorded.set(document.path, { result: child, title: childTitle });
    } catch (error) {
      // One unreadable attachment does not undo the email or its other attachments.
      const problem =
        error instanceof SimwatchError
          ? { code: error.code, message: error.message }
          : { code: 'internal' as const, message: String(error) };
      parent.result.children.push({ name: document.path, result: null, error: problem });
    }
  }
  return result;
}

/** Stores one read document's original and records it, its pages and its findings. */
async function recordDocument(
  deps: RegisterDeps,
  document: ScreenedDocument,
  details: Omit<IngestDetails, 'docType'> & { docType: DocumentKind; title: string },
): Promise<IngestResult> {
  const { content, sha256, type, modelVersion } = document;
  if (!content || sha256 === null || type === null || modelVersion === undefined)
    throw new SimwatchError('internal', `Cannot ingest "${document.path}": its content was lost`);
  const known = await findDocumentId(deps, sha256);
  if (known !== undefined) return duplicate(known, sha256);
  // The original is stored before the transaction: if the process dies in between, an unused
  // file remains, which is harmless; a row never points at a missing file.
  await deps.blobs.put(content.bytes);
  const organisationCodes = details.organisationCodes;
  const reading = summarisePageReading(document, content.pages);
  return recordChange(deps, details.actor, async (trx, time) => {
    const again = await trx
      .selectFrom('documents')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (again) return { events: [], result: duplicate(again.id, sha256) };
    const organisations = [];
    for (const code of organisationCodes)
      organisations.push(await getOrganisationByCode(trx, code));
    const documentId = await nextId(trx, 'documents');
    const firstFinding = await nextId(trx, 'findings');
    return {
      events: [
        {
          type: 'document.ingested',
          payload: {
            document: {
              id: documentId,
              sha256,
              title: details.title,
              fileName: details.fileName === null ? null : basename(details.fileName),
              mediaType: type,
              byteSize: content.bytes.byteLength,
              pageCount: content.pages.length,
              docType: details.docType,
              documentDate: details.documentDate ?? null,
              source: details.source?.trim() || null,
              obtained: details.obtained?.trim() || null,
              addedBy: details.actor,
              addedAt: time,
              catalogueVersion: document.catalogueVersion,
              modelVersion,
              public: details.public ?? true,
              unreadPages: reading.unreadPages,
            },
            organisationIds: [...new Set(organisations.map((org) => org.id))],
            pages: content.pages.map((page, index) => ({
              position: index + 1,
              pageNumber: page.number,
              text: page.text,
              ...(page.ocr
                ? { ocr: { engine: page.ocr.engine, confidence: page.ocr.confidence } }
                : {}),
            })),
            findings: document.findings.map((finding, index) =>
              findingRecordOf(finding, firstFinding + index),
            ),
          },
        },
      ],
      result: {
        documentId,
        sha256,
        duplicate: false,
        pages: content.pages.length,
        findings: document.findings.length,
        findingsOmitted: document.findingsOmitted ?? 0,
        warnings: document.warnings,
        ...reading,
        children: [],
      },
    };
  });
}

/** A finding as the ingest event records it: everything screening said of it, by id. */
function findingRecordOf(finding: Finding, id: number): FindingRecord {
  return {
    id,
    label: finding.label,
    indicator: finding.indicator,
    reason: finding.reason,
    excerpt: finding.excerpt,
    pageNumber: finding.page,
    start: finding.start,
    end: finding.end,
    score: finding.score,
    stance: finding.stance,
    modelVersion: finding.modelVersion,
    proposedBy: finding.proposedBy.map(({ id: proposer, reason }) => ({ id: proposer, reason })),
    pages: [...finding.pages],
    explanation: [...finding.explanation],
    against: [...finding.against],
    nearest: finding.nearest && {
      id: finding.nearest.id,
      source: finding.nearest.source,
      labels: [...finding.nearest.labels],
      stance: finding.nearest.stance,
      similarity: finding.nearest.similarity,
    },
    highlights: finding.highlights.map(({ start, end }) => ({ start, end })),
  };
}

async function findDocumentId(deps: RegisterDeps, sha256: string): Promise<number | undefined> {
  const row = await deps.database.db
    .selectFrom('documents')
    .select('id')
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? row.id : undefined;
}

function duplicate(documentId: number, sha256: string): IngestResult {
  return {
    documentId,
    sha256,
    duplicate: true,
    pages: 0,
    findings: 0,
    findingsOmitted: 0,
    warnings: [],
    ocrPages: 0,
    ocrConfidence: null,
    unreadPages: 0,
    children: [],
  };
}

/** A title from the file name, or failing that the first line of text. */
function titleFrom(fileName: string | null, firstPage: string | undefined): string {
  if (fileName)
    return basename(fileName, extname(fileName)).replace(/[-_]+/g, ' ').trim() || 'Untitled';
  const line =
    firstPage
      ?.split('\n')
      .find((text) => text.trim() !== '')
      ?.trim() ?? '';
  return line.slice(0, 120) || 'Untitled document';
}

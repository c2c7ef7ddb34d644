import { basename, extname } from 'node:path';

import { describeError, SimwatchError, type ErrorCode } from '../../errors.js';
import { extractDocument } from '../../extract/extract-document.js';
import type { ExtractionWarning } from '../../extract/extracted-document.js';
import {
  createArchiveBudget,
  defaultExtractionLimits,
  type ArchiveBudget,
} from '../../extract/extraction-limits.js';
import type { Finding } from '../../screening/finding.js';
import { sha256Of } from '../../store/blob-store.js';
import { getOrganisationByCode } from '../organisations/organisations-repository.js';
import { currentEngine } from '../models/current-engine.js';
import { nextId, recordChange } from '../record-change.js';
import type { RegisterDeps } from '../register-deps.js';
import type { FindingRecord } from '../register-event.js';
import { checkChoice, checkOptionalDate, checkText } from '../validate-input.js';
import { documentKinds, type DocumentKind } from './document.js';

/** A document to add to the register, with what is known of it. */
export interface IngestInput {
  bytes: Uint8Array;
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
  actor: string;
}

/** What ingesting a document did. */
export interface IngestResult {
  documentId: number;
  sha256: string;
  /** True when the same bytes were already in the register: nothing was changed. */
  duplicate: boolean;
  pages: number;
  findings: number;
  warnings: ExtractionWarning[];
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
 * Adds a document: stores the original by its SHA-256, extracts its text, screens it, and in one
 * transaction records the document, its pages and its findings (all `pending`). The same bytes a
 * second time change nothing. An email's attachments and an archive's members become documents
 * of their own, with the same organisations and details, each in its own transaction.
 */
export async function ingestDocument(
  deps: RegisterDeps,
  input: IngestInput,
): Promise<IngestResult> {
  return ingestNested(deps, input, 0, createArchiveBudget(defaultExtractionLimits));
}

async function ingestNested(
  deps: RegisterDeps,
  input: IngestInput,
  depth: number,
  budget: ArchiveBudget,
): Promise<IngestResult> {
  const today = deps.now();
  const docType: DocumentKind = checkChoice(input.docType, documentKinds, 'document type');
  const documentDate = checkOptionalDate(input.documentDate, 'document date', { today });
  const actor = checkText(input.actor, 'who added it');
  if (input.organisationCodes.length === 0)
    throw new SimwatchError(
      'invalid_input',
      'Cannot ingest a document without an organisation: name at least one',
    );
  for (const code of input.organisationCodes) await getOrganisationByCode(deps.database.db, code);
  const sha256 = sha256Of(input.bytes);
  const known = await findDocumentId(deps, sha256);
  if (known !== undefined) return duplicate(known, sha256);

  const name = input.fileName ?? 'document';
  const extracted = await extractDocument(input.bytes, {
    name,
    depth,
    limits: defaultExtractionLimits,
    budget,
  });
  const { engine } = await currentEngine(deps);
  const { findings } = engine.screenPages(extracted.pages);
  // The original is stored before the transaction: if the process dies in between, an unused
  // file remains, which is harmless; a row never points at a missing file.
  await deps.blobs.put(input.bytes);

  const result = await recordChange(deps, actor, async (trx, time) => {
    const again = await trx
      .selectFrom('documents')
      .select('id')
      .where('sha256', '=', sha256)
      .executeTakeFirst();
    if (again) return { events: [], result: duplicate(again.id, sha256) };
    const organisations = [];
    for (const code of input.organisationCodes)
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
              title: input.title?.trim() || titleFrom(input.fileName, extracted.pages[0]?.text),
              fileName: input.fileName === null ? null : basename(input.fileName),
              mediaType: extracted.type,
              byteSize: input.bytes.byteLength,
              pageCount: extracted.pages.length,
              docType,
              documentDate,
              source: input.source?.trim() || null,
              obtained: input.obtained?.trim() || null,
              addedBy: actor,
              addedAt: time,
              catalogueVersion: engine.catalogueVersion,
              modelVersion: engine.modelVersion,
              public: input.public ?? true,
            },
            organisationIds: [...new Set(organisations.map((org) => org.id))],
            pages: extracted.pages.map((page, index) => ({
              position: index + 1,
              pageNumber: page.number,
              text: page.text,
            })),
            findings: findings.map((finding, index) =>
              findingRecordOf(finding, firstFinding + index),
            ),
          },
        },
      ],
      result: {
        documentId,
        sha256,
        duplicate: false,
        pages: extracted.pages.length,
        findings: findings.length,
        warnings: extracted.warnings,
        children: [],
      },
    };
  });
  if (result.duplicate) return result;
  const title = input.title?.trim() || titleFrom(input.fileName, extracted.pages[0]?.text);
  for (const child of extracted.children) {
    const childName = `${name}!/${child.name}`;
    try {
      const childInput = {
        ...input,
        bytes: child.bytes,
        fileName: childName,
        title: `${title}: ${basename(child.name)}`,
      };
      const ingested = await ingestNested(deps, childInput, depth + 1, budget);
      result.children.push({ name: childName, result: ingested, error: null });
    } catch (error) {
      // One unreadable attachment does not undo the email or its other attachments.
      result.children.push({ name: childName, result: null, error: describeError(error) });
    }
  }
  return result;
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
  return { documentId, sha256, duplicate: true, pages: 0, findings: 0, warnings: [], children: [] };
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

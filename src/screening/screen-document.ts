import { createHash } from 'node:crypto';
import { describeError } from '../errors.js';
import { extractDocument, readFileForExtraction } from '../extract/extract-document.js';
import {
  createArchiveBudget,
  defaultExtractionLimits,
  type ArchiveBudget,
  type ExtractionLimits,
} from '../extract/extraction-limits.js';
import type { PageReader } from '../extract/extraction-context.js';
import { countUnreadPages } from './count-unread-pages.js';
import type { DocumentScreening, ScreenedDocument } from './document-screening.js';
import { markOcrFindings } from './mark-ocr-findings.js';
import type { ScreeningEngine } from './screening-engine.js';

/** What screening a document needs: the engine, and optionally a threshold and safety limits. */
export interface ScreenOptions {
  engine: ScreeningEngine;
  threshold?: number;
  limits?: ExtractionLimits;
  /** Keep each document's bytes and pages in its result (to record it). */
  withContent?: boolean;
  /** Keep at most this many findings of each document, counting the rest in `findingsOmitted`. */
  maxFindings?: number;
  /** Reads pages without a text layer, and images, by OCR; without it they are not read. */
  readImage?: PageReader;
  /** The resolution PDF pages are rendered at for OCR (default 300 dpi). */
  ocrDpi?: number;
}

/**
 * Screens a document given as bytes: yields its own result first, then one result for each email
 * attachment or archive member, depth first. Problems become per-document errors, never throws.
 */
export async function* screenDocument(
  bytes: Uint8Array,
  path: string,
  options: ScreenOptions,
): AsyncGenerator<ScreenedDocument> {
  const limits = options.limits ?? defaultExtractionLimits;
  yield* screenNested(bytes, path, null, 0, createArchiveBudget(limits), { ...options, limits });
}

/**
 * Reads a file within the size limit and screens it (see `screenDocument`); results and messages
 * call it `name` (default: its path).
 */
export async function* screenFile(
  path: string,
  options: ScreenOptions & { name?: string },
): AsyncGenerator<ScreenedDocument> {
  const limits = options.limits ?? defaultExtractionLimits;
  const name = options.name ?? path;
  let bytes: Uint8Array;
  try {
    bytes = await readFileForExtraction(path, limits, name);
  } catch (error) {
    yield failed(name, null, null, error, options.engine);
    return;
  }
  yield* screenDocument(bytes, name, { ...options, limits });
}

async function* screenNested(
  bytes: Uint8Array,
  path: string,
  parent: string | null,
  depth: number,
  budget: ArchiveBudget,
  options: ScreenOptions & { limits: ExtractionLimits },
): AsyncGenerator<ScreenedDocument> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let extracted;
  try {
    extracted = await extractDocument(bytes, {
      name: path,
      depth,
      limits: options.limits,
      budget,
      readImage: options.readImage,
      ocrDpi: options.ocrDpi,
    });
  } catch (error) {
    yield failed(path, parent, sha256, error, options.engine);
    return;
  }
  const screened = options.engine.screenPages(extracted.pages, options.threshold);
  const { labels } = screened;
  const findings = markOcrFindings(screened.findings, extracted.pages);
  const kept = options.maxFindings ?? findings.length;
  yield {
    path,
    parent,
    sha256,
    type: extracted.type,
    pages: extracted.pages.length,
    unreadPages: countUnreadPages(extracted.warnings),
    ocrPages: extracted.pages.filter((page) => page.ocr !== undefined).length,
    labels,
    findings: findings.length > kept ? findings.slice(0, kept) : findings,
    findingsOmitted: Math.max(0, findings.length - kept),
    warnings: extracted.warnings,
    error: null,
    catalogueVersion: options.engine.catalogueVersion,
    modelVersion: options.engine.modelVersion,
    ...(options.withContent ? { content: { bytes, pages: extracted.pages } } : {}),
  };
  // Children are screened one at a time and released, so memory stays bounded by the largest one.
  const children = extracted.children;
  extracted = undefined;
  while (children.length > 0) {
    const child = children.shift();
    if (!child) break;
    yield* screenNested(child.bytes, `${path}!/${child.name}`, path, depth + 1, budget, options);
  }
}

function failed(
  path: string,
  parent: string | null,
  sha256: string | null,
  error: unknown,
  engine: ScreeningEngine,
): DocumentScreening {
  return {
    path,
    parent,
    sha256,
    type: null,
    pages: 0,
    unreadPages: 0,
    ocrPages: 0,
    labels: [],
    findings: [],
    warnings: [],
    error: describeError(error),
    catalogueVersion: engine.catalogueVersion,
  };
}

import { createHash } from 'node:crypto';
import { describeError } from '../errors.js';
import { extractDocument, readFileForExtraction } from '../extract/extract-document.js';
import {
  createArchiveBudget,
  defaultExtractionLimits,
  type ArchiveBudget,
  type ExtractionLimits,
} from '../extract/extraction-limits.js';
import type { DocumentScreening } from './document-screening.js';
import type { ScreeningEngine } from './screening-engine.js';

/** What screening a document needs: the engine, and optionally a threshold and safety limits. */
export interface ScreenOptions {
  engine: ScreeningEngine;
  threshold?: number;
  limits?: ExtractionLimits;
}

/**
 * Screens a document given as bytes: yields its own result first, then one result for each email
 * attachment or archive member, depth first. Problems become per-document errors, never throws.
 */
export async function* screenDocument(
  bytes: Uint8Array,
  path: string,
  options: ScreenOptions,
): AsyncGenerator<DocumentScreening> {
  const limits = options.limits ?? defaultExtractionLimits;
  yield* screenNested(bytes, path, null, 0, createArchiveBudget(limits), { ...options, limits });
}

/** Reads a file within the size limit and screens it (see `screenDocument`). */
export async function* screenFile(
  path: string,
  options: ScreenOptions,
): AsyncGenerator<DocumentScreening> {
  const limits = options.limits ?? defaultExtractionLimits;
  let bytes: Uint8Array;
  try {
    bytes = await readFileForExtraction(path, limits);
  } catch (error) {
    yield failed(path, null, null, error, options.engine);
    return;
  }
  yield* screenDocument(bytes, path, { ...options, limits });
}

async function* screenNested(
  bytes: Uint8Array,
  path: string,
  parent: string | null,
  depth: number,
  budget: ArchiveBudget,
  options: ScreenOptions & { limits: ExtractionLimits },
): AsyncGenerator<DocumentScreening> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let extracted;
  try {
    extracted = await extractDocument(bytes, { name: path, depth, limits: options.limits, budget });
  } catch (error) {
    yield failed(path, parent, sha256, error, options.engine);
    return;
  }
  const { labels, findings } = options.engine.screenPages(extracted.pages, options.threshold);
  yield {
    path,
    parent,
    sha256,
    type: extracted.type,
    pages: extracted.pages.length,
    labels,
    findings,
    warnings: extracted.warnings,
    error: null,
    catalogueVersion: options.engine.catalogueVersion,
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
    labels: [],
    findings: [],
    warnings: [],
    error: describeError(error),
    catalogueVersion: engine.catalogueVersion,
  };
}

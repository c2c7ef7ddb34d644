import type { ExtractedDocument } from './extracted-document.js';
import type { ArchiveBudget, ExtractionLimits } from './extraction-limits.js';
import { readZipEntries } from './read-zip-entries.js';

/** Extracts a ZIP archive: no text of its own, each file a child document to screen separately. */
export async function extractZip(
  bytes: Uint8Array,
  context: { name: string; limits: ExtractionLimits; budget: ArchiveBudget },
): Promise<ExtractedDocument> {
  const { children, warnings } = await readZipEntries(bytes, context);
  return { type: 'zip', pages: [], warnings, children };
}

import mammoth from 'mammoth';

import { SimwatchError } from '../errors.js';
import { cannotRead } from './cannot-read.js';
import type { ExtractedDocument } from './extracted-document.js';
import { createArchiveBudget, type ExtractionLimits } from './extraction-limits.js';
import { readZipEntries } from './read-zip-entries.js';
import { zipHasEntry } from './zip-has-entry.js';

/** Extracts the text of a Word document as one page, paragraphs separated by blank lines. */
export async function extractDocx(
  bytes: Uint8Array,
  context: { name: string; limits: ExtractionLimits },
): Promise<ExtractedDocument> {
  const { name, limits } = context;
  if (!zipHasEntry(bytes, 'word/document.xml')) {
    throw cannotRead('damaged', name, 'the DOCX is damaged: it has no word/document.xml part');
  }
  // Mammoth inflates parts without limits, so the archive is checked for bombs first.
  const budget = createArchiveBudget(limits);
  let raw: string;
  try {
    await readZipEntries(bytes, { name, limits, budget }, { keepBytes: false });
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    raw = (await mammoth.extractRawText({ buffer })).value;
  } catch (error) {
    if (error instanceof SimwatchError && error.code !== 'damaged') throw error;
    const cause = error instanceof SimwatchError ? error.cause : error;
    const detail = cause instanceof Error ? ` (${cause.message})` : '';
    throw cannotRead('damaged', name, `the DOCX is damaged${detail}`, { cause });
  }
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { type: 'docx', pages: [{ number: null, text }], warnings: [], children: [] };
}

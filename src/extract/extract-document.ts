import { cannotRead } from './cannot-read.js';
import { detectType } from './detect-type.js';
import { extractDocx } from './extract-docx.js';
import { extractEmail } from './extract-email.js';
import { extractHtml } from './extract-html.js';
import { extractImage } from './extract-image.js';
import { extractPdf } from './extract-pdf.js';
import { extractText } from './extract-text.js';
import { extractZip } from './extract-zip.js';
import type { DocumentType, ExtractedDocument } from './extracted-document.js';
import type { ExtractionContext } from './extraction-context.js';
import { imageFormatOf } from './sniff-content.js';

export { readFileForExtraction } from './read-file-for-extraction.js';

/**
 * Extracts one document, choosing the reader by content. Children are returned, not followed: the
 * caller extracts each with `depth + 1` and the same budget.
 */
export async function extractDocument(
  bytes: Uint8Array,
  context: ExtractionContext,
): Promise<ExtractedDocument> {
  const { type, warnings } = detectType(bytes, context.name);
  if ((type === 'zip' || type === 'email') && context.depth >= context.limits.maxDepth) {
    const detail = `archives and emails are nested more than ${context.limits.maxDepth} levels deep`;
    throw cannotRead('archive_too_deep', context.name, detail);
  }
  const document = await extractAs(type, bytes, context);
  return { ...document, warnings: [...warnings, ...document.warnings] };
}

function extractAs(
  type: DocumentType,
  bytes: Uint8Array,
  context: ExtractionContext,
): ExtractedDocument | Promise<ExtractedDocument> {
  switch (type) {
    case 'pdf':
      return extractPdf(bytes, context);
    case 'docx':
      return extractDocx(bytes, context);
    case 'html':
      return extractHtml(bytes);
    case 'text':
      return extractText(bytes);
    case 'markdown':
      return extractText(bytes, { markdown: true });
    case 'email':
      return extractEmail(bytes, context);
    case 'zip':
      return extractZip(bytes, context);
    case 'image':
      return extractImage(bytes, imageFormatOf(bytes) ?? 'image/png', context);
  }
}

import { decodeText } from './decode-text.js';
import type { ExtractedDocument } from './extracted-document.js';
import { stripMarkdown } from './strip-markdown.js';

/** Extracts plain text or Markdown as one page, decoding by byte-order mark, UTF-8 or Windows-1252. */
export function extractText(
  bytes: Uint8Array,
  options: { markdown?: boolean } = {},
): ExtractedDocument {
  const { text, warnings } = decodeText(bytes);
  const lines = text.replace(/\r\n?/g, '\n');
  const markdown = options.markdown === true;
  return {
    type: markdown ? 'markdown' : 'text',
    pages: [{ number: null, text: markdown ? stripMarkdown(lines) : lines }],
    warnings,
    children: [],
  };
}

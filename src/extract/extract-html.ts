import { Parser } from 'htmlparser2';

import { decodeText } from './decode-text.js';
import type { ExtractedDocument } from './extracted-document.js';

// Elements whose content a reader never sees as text on the page.
const hiddenElements = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
]);

const paragraphElements = new Set(
  (
    'address article aside blockquote caption details dialog div dl fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hr main nav ol p pre section summary table ul'
  ).split(' '),
);

const lineElements = new Set('br dd dt legend li option td th tr'.split(' '));

// What separates the next words from the last ones; a wider gap wins over a narrower one.
const Gap = { none: 0, space: 1, line: 2, paragraph: 3 } as const;
type Gap = (typeof Gap)[keyof typeof Gap];
const gapText = ['', ' ', '\n', '\n\n'] as const;

/** Extracts the visible text of an HTML document as one page. */
export function extractHtml(bytes: Uint8Array): ExtractedDocument {
  const { text, warnings } = decodeText(bytes);
  return {
    type: 'html',
    pages: [{ number: null, text: htmlToText(text) }],
    warnings,
    children: [],
  };
}

/** Turns HTML into visible text: blocks become paragraphs or lines, whitespace collapses, the title leads. */
export function htmlToText(html: string): string {
  const parts: string[] = [];
  let gap: Gap = Gap.none;
  let hiddenDepth = 0;
  let headDepth = 0;
  let preDepth = 0;
  let titleDepth = 0;
  let title = '';

  function widenGap(wanted: Gap): void {
    if (wanted > gap) gap = wanted;
  }

  function writeWords(text: string): void {
    const collapsed = text.replace(/\s+/g, ' ');
    if (collapsed.startsWith(' ')) widenGap(Gap.space);
    const words = collapsed.trim();
    if (words === '') return;
    if (parts.length > 0) parts.push(gapText[gap]);
    parts.push(words);
    gap = collapsed.endsWith(' ') ? Gap.space : Gap.none;
  }

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (hiddenDepth > 0 || hiddenElements.has(name) || 'hidden' in attributes) {
          hiddenDepth += 1;
          return;
        }
        if (name === 'head') headDepth += 1;
        if (name === 'title') titleDepth += 1;
        if (name === 'pre') preDepth += 1;
        if (paragraphElements.has(name)) widenGap(Gap.paragraph);
        if (lineElements.has(name)) widenGap(Gap.line);
      },
      onclosetag(name) {
        if (hiddenDepth > 0) {
          hiddenDepth -= 1;
          return;
        }
        if (name === 'head') headDepth -= 1;
        if (name === 'title') titleDepth -= 1;
        if (name === 'pre') preDepth -= 1;
        if (paragraphElements.has(name)) widenGap(Gap.paragraph);
        if (lineElements.has(name)) widenGap(Gap.line);
      },
      ontext(data) {
        if (hiddenDepth > 0) return;
        if (titleDepth > 0) {
          title += data;
          return;
        }
        if (headDepth > 0) return;
        if (preDepth === 0) {
          writeWords(data);
          return;
        }
        data.split(/\r?\n/).forEach((line, index) => {
          if (index > 0) widenGap(Gap.line);
          writeWords(line);
        });
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.end(html);

  const body = parts.join('');
  const heading = title.replace(/\s+/g, ' ').trim();
  // Pages usually repeat their title as the first heading; saying it twice would double any finding.
  if (heading === '' || body.startsWith(heading)) return body;
  return body === '' ? heading : `${heading}\n\n${body}`;
}

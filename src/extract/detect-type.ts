import { cannotRead } from './cannot-read.js';
import type { DocumentType, ExtractionWarning } from './extracted-document.js';
import { isBlank, sniffContent } from './sniff-content.js';

/** The type to extract a document as, with a warning when its name claimed another. */
export interface DetectedType {
  type: DocumentType;
  warnings: ExtractionWarning[];
}

const typeByExtension: Record<string, DocumentType> = {
  pdf: 'pdf',
  docx: 'docx',
  zip: 'zip',
  eml: 'email',
  htm: 'html',
  html: 'html',
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  tif: 'image',
  tiff: 'image',
};

const typeNames: Record<DocumentType, string> = {
  pdf: 'PDF',
  docx: 'DOCX',
  zip: 'ZIP',
  email: 'email',
  html: 'HTML',
  text: 'text',
  markdown: 'Markdown',
  image: 'image',
};

const binaryTypes = new Set<DocumentType>(['pdf', 'docx', 'zip', 'image']);

/** Detects a document's type from its content, using the name only to tell Markdown from text and to spot mismatches. */
export function detectType(bytes: Uint8Array, name: string): DetectedType {
  if (isBlank(bytes)) throw cannotRead('empty_file', name, 'the file is empty');
  const claimed = claimedType(name);
  const sniffed = sniffContent(bytes);
  const claimsBinary = claimed !== undefined && binaryTypes.has(claimed);
  if (!sniffed.readable) {
    if (sniffed.code === 'encrypted') throw cannotRead('encrypted', name, sniffed.description);
    if (claimsBinary) throw mismatch(name, claimed);
    throw cannotRead('unsupported_type', name, sniffed.description);
  }
  let type: DocumentType = sniffed.type;
  if (type === 'text' && claimed === 'markdown') type = 'markdown';
  // A ZIP named .docx is a damaged DOCX more often than anything else; the DOCX reader says why.
  if (type === 'zip' && claimed === 'docx') type = 'docx';
  if (claimed === undefined || claimed === type) return { type, warnings: [] };
  if (claimsBinary && (type === 'text' || type === 'markdown')) throw mismatch(name, claimed);
  if (!claimsBinary && !binaryTypes.has(type)) return { type, warnings: [] };
  const message = `The name says ${typeNames[claimed]} but the content is ${article(type)}; it was read as ${article(type)}`;
  return { type, warnings: [{ code: 'type_mismatch', message }] };
}

function claimedType(name: string): DocumentType | undefined {
  const dot = name.lastIndexOf('.');
  if (dot === -1 || dot < name.lastIndexOf('/')) return undefined;
  return typeByExtension[name.slice(dot + 1).toLowerCase()];
}

function mismatch(name: string, claimed: DocumentType) {
  const expected =
    claimed === 'pdf'
      ? 'a PDF'
      : claimed === 'image'
        ? 'a PNG, JPEG or TIFF image'
        : 'a ZIP archive';
  return cannotRead(
    'type_mismatch',
    name,
    `the name says ${typeNames[claimed]} but the content is not ${expected}`,
  );
}

function article(type: DocumentType): string {
  if (type === 'email' || type === 'image') return `an ${type}`;
  return `${type === 'html' ? 'an' : 'a'} ${typeNames[type]}`;
}

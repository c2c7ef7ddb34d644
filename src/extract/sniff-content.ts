import { decodeText } from './decode-text.js';
import type { DocumentType } from './extracted-document.js';
import type { ImageFormat } from './extract-image.js';
import { looksLikeEmail } from './looks-like-email.js';
import { looksLikeHtml } from './looks-like-html.js';
import { zipHasEntry } from './zip-has-entry.js';

/** What the content itself says it is: a readable type, or an unreadable kind described for people. */
export type SniffedContent =
  | { readable: true; type: Exclude<DocumentType, 'markdown'> }
  | { readable: false; code: 'unsupported_type' | 'encrypted'; description: string };

const sampleBytes = 64 * 1024;

// Old Office files and password-protected new ones share this container format.
const oleMagic = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const encryptedPackage = Buffer.from('EncryptedPackage', 'utf16le');

// Formats people often send that simwatch cannot read, so the message can say what the file is.
const knownBinaries: { magic: number[]; description: string }[] = [
  {
    magic: [0x47, 0x49, 0x46, 0x38],
    description: 'it is a GIF image; save it as PNG, JPEG or TIFF to have it read by OCR',
  },
];

// The scanned-image formats read by OCR.
const imageMagic: { magic: number[]; format: ImageFormat }[] = [
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], format: 'image/png' },
  { magic: [0xff, 0xd8, 0xff], format: 'image/jpeg' },
  { magic: [0x49, 0x49, 0x2a, 0x00], format: 'image/tiff' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], format: 'image/tiff' },
];

/** The image format of scanned-image bytes (PNG, JPEG, TIFF), by their magic number. */
export function imageFormatOf(bytes: Uint8Array): ImageFormat | undefined {
  return imageMagic.find((image) => startsWith(bytes, image.magic))?.format;
}

/** Identifies a document's type from its bytes alone (magic numbers, then the shape of its text). */
export function sniffContent(bytes: Uint8Array): SniffedContent {
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-', 0, 'latin1')) {
    return { readable: true, type: 'pdf' };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { readable: true, type: zipHasEntry(bytes, 'word/document.xml') ? 'docx' : 'zip' };
  }
  if (startsWith(bytes, oleMagic)) return sniffOle(bytes);
  if (imageFormatOf(bytes) !== undefined) return { readable: true, type: 'image' };
  const known = knownBinaries.find((binary) => startsWith(bytes, binary.magic));
  if (known !== undefined) {
    return { readable: false, code: 'unsupported_type', description: known.description };
  }
  const sample = sampleText(bytes.subarray(0, sampleBytes));
  if (sample === undefined) {
    const description = 'the content is not a format simwatch can read';
    return { readable: false, code: 'unsupported_type', description };
  }
  if (looksLikeEmail(sample)) return { readable: true, type: 'email' };
  if (looksLikeHtml(sample)) return { readable: true, type: 'html' };
  return { readable: true, type: 'text' };
}

/** Tells whether the content is nothing but whitespace (after any byte-order mark). */
export function isBlank(bytes: Uint8Array): boolean {
  const isUtf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (isUtf16) return decodeText(bytes).text.trim() === '';
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i] ?? 0;
    if (byte !== 0x20 && (byte < 0x09 || byte > 0x0d)) return false;
  }
  return true;
}

function sampleText(sample: Uint8Array): string | undefined {
  const isUtf16 = startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff]);
  const withoutBom = startsWith(sample, [0xef, 0xbb, 0xbf]) ? sample.subarray(3) : sample;
  // Only ASCII matters for sniffing, so Latin-1 stands in for whatever 8-bit encoding this is.
  const text = isUtf16 ? decodeText(sample).text : Buffer.from(withoutBom).toString('latin1');
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0) return undefined;
    if ((code < 0x09 || (code > 0x0d && code < 0x20) || code === 0x7f) && code !== 0x1b) controls++;
  }
  // Real text has almost no control characters; binaries are full of them.
  return controls <= text.length / 100 ? text : undefined;
}

function sniffOle(bytes: Uint8Array): SniffedContent {
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(encryptedPackage)) {
    return { readable: false, code: 'encrypted', description: 'the file is encrypted' };
  }
  const description = 'it is an old Microsoft Office file (such as .doc); save it as DOCX or PDF';
  return { readable: false, code: 'unsupported_type', description };
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => bytes[i] === byte);
}

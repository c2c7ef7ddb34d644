import type { ExtractionWarning } from './extracted-document.js';

/** Text decoded from bytes, with a warning when the encoding had to be guessed. */
export interface DecodedText {
  text: string;
  warnings: ExtractionWarning[];
}

// Node's TextDecoder treats "windows-1252" as Latin-1, so the 0x80-0x9f block is mapped here.
const windows1252High =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Decodes text by its byte-order mark, else as UTF-8, else (with a warning) as Windows-1252. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), warnings: [] };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  }
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16Be(bytes.subarray(2)), warnings: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const warning: ExtractionWarning = {
      code: 'encoding_guessed',
      message: 'The text is not valid UTF-8; it was read as Windows-1252',
    };
    return { text: decodeWindows1252(bytes), warnings: [warning] };
  }
}

/** Decodes Windows-1252 (the usual encoding of older English Windows text) without relying on ICU. */
export function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\x80-\x9f]/g, (c) => windows1252High.charAt(c.charCodeAt(0) - 0x80));
}

function decodeUtf16Be(bytes: Uint8Array): string {
  // Copy before swapping so the caller's bytes are untouched; an odd trailing byte is dropped.
  const swapped = Buffer.from(bytes.subarray(0, bytes.length - (bytes.length % 2)));
  return new TextDecoder('utf-16le').decode(swapped.swap16());
}

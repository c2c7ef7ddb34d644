import { describe, expect, it } from 'vitest';

import { extractText } from './extract-text.js';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(
    Buffer.concat(
      parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : Buffer.from(part))),
    ),
  );

describe('extractText()', () => {
  it('returns UTF-8 text as one unnumbered page without the byte-order mark', () => {
    expect(extractText(bytes([0xef, 0xbb, 0xbf], 'Café minutes'))).toEqual({
      type: 'text',
      pages: [{ number: null, text: 'Café minutes' }],
      warnings: [],
      children: [],
    });
  });

  it('turns Windows and old Mac line endings into \\n', () => {
    expect(extractText(bytes('one\r\ntwo\rthree\n')).pages[0]?.text).toBe('one\ntwo\nthree\n');
  });

  it('reads UTF-16 little- and big-endian text by its byte-order mark', () => {
    const le = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('Police ’liaison’', 'utf16le'),
    ]);
    const be = Buffer.from(Buffer.from('Police ’liaison’', 'utf16le')).swap16();
    expect(extractText(new Uint8Array(le)).pages[0]?.text).toBe('Police ’liaison’');
    expect(extractText(bytes([0xfe, 0xff], [...be])).pages[0]?.text).toBe('Police ’liaison’');
  });

  it('reads invalid UTF-8 as Windows-1252 and says so', () => {
    const result = extractText(bytes([0x93], 'Quoted', [0x94], ' caf', [0xe9], ' ', [0x80], '5'));
    expect(result.pages[0]?.text).toBe('“Quoted” café €5');
    expect(result.warnings).toEqual([
      {
        code: 'encoding_guessed',
        message: 'The text is not valid UTF-8; it was read as Windows-1252',
      },
    ]);
  });

  it('strips Markdown markup when asked, keeping the lines', () => {
    const markdown = '# Minutes\n\n- The **board** met [the police](https://example.org).\n';
    expect(extractText(bytes(markdown), { markdown: true })).toMatchObject({
      type: 'markdown',
      pages: [{ number: null, text: 'Minutes\n\nThe board met the police.\n' }],
    });
  });
});

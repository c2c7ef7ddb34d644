import { describe, expect, it } from 'vitest';

import { extractDocx } from './extract-docx.js';
import { defaultExtractionLimits } from './extraction-limits.js';
import { errorFrom } from './test-support/error-from.js';
import { makeDocx } from './test-support/make-docx.js';
import { createZeroStream, makeZip } from './test-support/make-zip.js';

const context = (name: string) => ({ name, limits: defaultExtractionLimits });

describe('extractDocx()', () => {
  it('returns the paragraphs as one unnumbered page, separated by blank lines', async () => {
    const docx = await makeDocx(['The board met.', 'Police & partners attended.']);
    expect(await extractDocx(docx, context('minutes.docx'))).toEqual({
      type: 'docx',
      pages: [{ number: null, text: 'The board met.\n\nPolice & partners attended.' }],
      warnings: [],
      children: [],
    });
  });

  it('refuses a ZIP without word/document.xml as damaged', async () => {
    const zip = await makeZip([{ name: 'notes.txt', content: 'Not Word.' }]);
    expect(await errorFrom(() => extractDocx(zip, context('minutes.docx')))).toMatchObject({
      code: 'damaged',
      message: 'Cannot read "minutes.docx": the DOCX is damaged: it has no word/document.xml part',
    });
  });

  it('refuses a truncated DOCX as damaged', async () => {
    const docx = await makeDocx(['The board met.']);
    const cut = docx.subarray(0, Math.floor(docx.length * 0.7));
    const error = await errorFrom(() => extractDocx(cut, context('minutes.docx')));
    expect(error).toMatchObject({ code: 'damaged' });
    expect((error as Error).message).toMatch(/^Cannot read "minutes.docx": the DOCX is damaged \(/);
  });

  it('refuses a DOCX whose document part is not XML as damaged', async () => {
    const docx = await makeZip([
      { name: '[Content_Types].xml', content: '<Types/>' },
      { name: 'word/document.xml', content: 'this is not xml <<<' },
    ]);
    const error = await errorFrom(() => extractDocx(docx, context('minutes.docx')));
    expect(error).toMatchObject({ code: 'damaged' });
    expect((error as Error).message).toMatch(/^Cannot read "minutes.docx": the DOCX is damaged/);
  });

  it('refuses a DOCX that is a zip bomb before handing it to the Word reader', async () => {
    const bomb = await makeZip([
      { name: 'word/document.xml', content: '<w:document/>' },
      { name: 'word/media/zeros.bin', content: createZeroStream(20 * 1024 * 1024) },
    ]);
    expect(await errorFrom(() => extractDocx(bomb, context('bomb.docx')))).toMatchObject({
      code: 'archive_limit',
      message:
        'Cannot read "bomb.docx": the entry "word/media/zeros.bin" expands to more than 100 times its compressed size, which is how zip bombs work',
    });
  });
});

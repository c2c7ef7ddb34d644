import { describe, expect, it } from 'vitest';

import { makeScannedPage } from './scanned-pages/make-scanned-page.js';
import {
  createTesseractCliEngine,
  tesseractCliAvailable,
  textFromTsv,
} from './tesseract-cli-engine.js';
import { characterAccuracy } from '../bench/character-accuracy.js';

const header =
  'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
const word = (block: number, par: number, line: number, conf: number, text: string) =>
  `5\t1\t${block}\t${par}\t${line}\t1\t0\t0\t10\t10\t${conf}\t${text}`;

describe('textFromTsv()', () => {
  it('joins words by spaces, lines by newlines and paragraphs by a blank line, with the mean word confidence', () => {
    const tsv = [
      header,
      '1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t',
      word(1, 1, 1, 90, 'The'),
      word(1, 1, 1, 80, 'police'),
      word(1, 1, 2, 70, 'attended.'),
      word(2, 1, 1, 60, 'Next'),
      word(2, 1, 1, -1, ' '),
    ].join('\n');
    expect(textFromTsv(tsv)).toEqual({
      text: 'The police\nattended.\n\nNext',
      confidence: 75,
    });
  });

  it('reads no words and a confidence of 0 from a blank page', () => {
    expect(textFromTsv(`${header}\n1\t1\t0\t0\t0\t0\t0\t0\t100\t100\t-1\t\n`)).toEqual({
      text: '',
      confidence: 0,
    });
  });
});

// Debian's tesseract is not needed by the default engine (tesseract.js): these run where it is
// installed, and are skipped with a note where it is not, unless SIMWATCH_TEST_TESSERACT_CLI=1 (set
// by .ci/run, which installs it) makes its absence a failure.
const cliWanted = process.env.SIMWATCH_TEST_TESSERACT_CLI === '1';
const cliPresent = tesseractCliAvailable();
if (!cliPresent && !cliWanted)
  console.warn(
    'Skipping the tesseract CLI engine tests: the "tesseract" command with English data is not installed (apt-get install tesseract-ocr tesseract-ocr-eng, or set SIMWATCH_TEST_TESSERACT_CLI=1 to make this a failure).',
  );

describe.skipIf(!cliPresent && !cliWanted)(
  'the tesseract CLI engine (Debian tesseract-ocr)',
  () => {
    it('is installed where the tests ask for it', () => {
      expect(cliPresent).toBe(true);
    });

    it('reads a scanned page with its confidence and names itself', async () => {
      const text =
        'Police officers attended the ward on three occasions to support staff with a patient ' +
        'who frequently attends the emergency department.';
      const { png } = await makeScannedPage(text, { skewDegrees: -0.5 });
      const engine = createTesseractCliEngine();
      const result = await engine.recognise(png, { timeoutMs: 60_000 });
      await engine.close();
      expect(characterAccuracy(text, result.text)).toBeGreaterThan(0.97);
      expect(result.confidence).toBeGreaterThan(70);
      expect(result.engine).toMatch(/^tesseract 5\.\S+ \(eng\)$/);
    });

    it('stops a page that takes longer than the time limit, saying so', async () => {
      const { png } = await makeScannedPage('A page too slow to read in one millisecond.');
      const engine = createTesseractCliEngine();
      await expect(engine.recognise(png, { timeoutMs: 1 })).rejects.toMatchObject({
        code: 'timeout',
        message: 'Cannot read the page by OCR: tesseract took longer than 1 ms',
      });
    });

    it('rejects an image it cannot read with the reason', async () => {
      const engine = createTesseractCliEngine();
      await expect(
        engine.recognise(new TextEncoder().encode('not an image'), { timeoutMs: 60_000 }),
      ).rejects.toMatchObject({
        code: 'unreadable',
        message: /^Cannot read the page by OCR: tesseract exited/,
      });
    });
  },
);

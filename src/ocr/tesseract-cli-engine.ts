import { spawn, spawnSync } from 'node:child_process';

import { SimwatchError } from '../errors.js';
import type { OcrEngine } from './ocr-engine.js';

/** The command run: Debian's `tesseract` (package tesseract-ocr), found on the PATH. */
const command = 'tesseract';
/** Its output is capped: a page's TSV is tens of kilobytes, a runaway process is cut off. */
const maxOutputBytes = 16 * 1024 * 1024;

let availability: { available: boolean; version: string } | undefined;

/**
 * Whether Debian's `tesseract` (5.x) can be run with its English data (tesseract-ocr-eng);
 * asked once per process.
 */
export function tesseractCliAvailable(): boolean {
  return tesseractCli().available;
}

function tesseractCli(): { available: boolean; version: string } {
  if (availability !== undefined) return availability;
  const languages = spawnSync(command, ['--list-langs'], { encoding: 'utf8', timeout: 10_000 });
  const version = spawnSync(command, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  // Not found on the PATH, the command has no output at all (an error instead).
  const listed = languages.error ? [] : `${languages.stdout}${languages.stderr}`.split(/\r?\n/);
  const versionLine = version.error
    ? ''
    : (`${version.stdout}${version.stderr}`.split(/\r?\n/)[0] ?? '');
  availability = {
    available: languages.status === 0 && listed.some((line) => line.trim() === 'eng'),
    version: /^tesseract\s+(\S+)/.exec(versionLine)?.[1] ?? 'unknown',
  };
  return availability;
}

/**
 * An OCR engine that runs Debian's `tesseract` once per page (LSTM, English; page segmentation 3,
 * automatic, by default, or 6, one uniform block of text, which reads askew pages more surely but
 * runs columns together),
 * reading the page from standard input and its words with their confidence from TSV on standard
 * output. Each process uses one thread (OMP_THREAD_LIMIT=1): the screening pool runs pages side
 * by side. A page that takes longer than the time limit has its process killed.
 */
export function createTesseractCliEngine(options: { psm?: 3 | 6 } = {}): OcrEngine {
  const psm = options.psm ?? 3;
  const { available, version } = tesseractCli();
  if (!available)
    throw new SimwatchError(
      'invalid_input',
      'Cannot use the tesseract OCR engine: the "tesseract" command with English data was not ' +
        'found (install the Debian packages tesseract-ocr and tesseract-ocr-eng, or use tesseract.js)',
    );
  const name = psm === 3 ? `tesseract ${version} (eng)` : `tesseract ${version} (eng, psm ${psm})`;
  return {
    name,
    async recognise(png, options) {
      const tsv = await runTesseract(png, psm, options.timeoutMs);
      return { ...textFromTsv(tsv), engine: name };
    },
    async close() {
      // Nothing is kept between pages: each page is its own process.
    },
  };
}

function runTesseract(png: Uint8Array, psm: number, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      command,
      ['stdin', 'stdout', '-l', 'eng', '--oem', '1', '--psm', String(psm), 'tsv'],
      {
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    );
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let failure: SimwatchError | undefined;
    const stop = (error: SimwatchError) => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => {
      stop(
        new SimwatchError(
          'timeout',
          `Cannot read the page by OCR: tesseract took longer than ${seconds(timeoutMs)}`,
        ),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxOutputBytes)
        stop(
          new SimwatchError('unreadable', 'Cannot read the page by OCR: tesseract wrote too much'),
        );
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    // A process killed early closes its standard input; that is reported through `close` below.
    child.stdin.on('error', () => undefined);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new SimwatchError('unreadable', `Cannot read the page by OCR: ${error.message}`, {
          cause: error,
        }),
      );
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (failure) reject(failure);
      else if (code !== 0) {
        const detail = Buffer.concat(err)
          .toString('utf8')
          .trim()
          .split(/\r?\n/)
          .slice(-2)
          .join(' ');
        reject(
          new SimwatchError(
            'unreadable',
            `Cannot read the page by OCR: tesseract exited with code ${String(code)}` +
              (detail ? ` (${detail})` : ''),
          ),
        );
      } else resolve(Buffer.concat(out).toString('utf8'));
    });
    child.stdin.end(png);
  });
}

/**
 * The page's text from tesseract's TSV (one row per word, with its block, paragraph and line),
 * words joined by spaces, lines by newlines, paragraphs by a blank line; the confidence is the mean
 * of the words' confidences, as tesseract.js reports it.
 */
export function textFromTsv(tsv: string): { text: string; confidence: number } {
  const paragraphs: string[][] = [];
  let lineKey = '';
  let paragraphKey = '';
  let line: string[] = [];
  let confidenceSum = 0;
  let words = 0;
  const endLine = () => {
    if (line.length > 0) paragraphs.at(-1)?.push(line.join(' '));
    line = [];
  };
  for (const row of tsv.split(/\r?\n/).slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12 || cells[0] !== '5') continue;
    const [, page, block, paragraph, lineNumber] = cells;
    const word = cells.slice(11).join('\t');
    const confidence = Number(cells[10]);
    if (word.trim() === '' || !(confidence >= 0)) continue;
    const nextParagraph = `${page}.${block}.${paragraph}`;
    const nextLine = `${nextParagraph}.${lineNumber}`;
    if (nextParagraph !== paragraphKey) {
      endLine();
      paragraphs.push([]);
      paragraphKey = nextParagraph;
    } else if (nextLine !== lineKey) endLine();
    lineKey = nextLine;
    line.push(word);
    confidenceSum += confidence;
    words += 1;
  }
  endLine();
  return {
    text: paragraphs.map((lines) => lines.join('\n')).join('\n\n'),
    confidence: words === 0 ? 0 : confidenceSum / words,
  };
}

function seconds(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

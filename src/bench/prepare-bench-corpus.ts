import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';

import PDFDocument from 'pdfkit';

import { createBoardPaperWriter } from './board-paper-writer.js';
import { createSeededRandom } from '../seeded-random.js';

/** What to generate: the seed, the text corpus size and the PDF corpus shape. */
export interface BenchCorpusSpec {
  seed: number;
  /** Total UTF-8 bytes of text to generate, across files of about `textFileBytes` each. */
  textBytes: number;
  textFileBytes: number;
  pdfFiles: number;
  pagesPerPdf: number;
  /** Characters of text on each PDF page, at least. */
  charsPerPage: number;
}

/** The generated files and their sizes. */
export interface BenchCorpus {
  folder: string;
  textFiles: string[];
  textBytes: number;
  pdfFiles: string[];
  pdfPages: number;
  /** True when an earlier run's files were reused. */
  reused: boolean;
}

// Bump when the generator changes, so corpora made by an older one are not reused.
const generatorVersion = 1;

/** Generates the benchmark corpus under `outputFolder`, or reuses one made with the same spec. */
export async function prepareBenchCorpus(
  outputFolder: string,
  spec: BenchCorpusSpec,
): Promise<BenchCorpus> {
  const folder = join(outputFolder, `corpus-seed${spec.seed}-v${generatorVersion}`);
  const manifestPath = join(folder, 'manifest.json');
  const wanted = JSON.stringify({ generatorVersion, ...spec });
  const existing = await readFile(manifestPath, 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    const manifest = JSON.parse(existing) as { spec: string; corpus: BenchCorpus };
    if (manifest.spec === wanted) return { ...manifest.corpus, reused: true };
  }
  await rm(folder, { recursive: true, force: true });
  await mkdir(join(folder, 'text'), { recursive: true });
  await mkdir(join(folder, 'pdf'), { recursive: true });
  const text = await writeTextFiles(join(folder, 'text'), spec);
  const pdfFiles = await writePdfFiles(join(folder, 'pdf'), spec);
  const corpus: BenchCorpus = {
    folder,
    textFiles: text.files,
    textBytes: text.bytes,
    pdfFiles,
    pdfPages: spec.pdfFiles * spec.pagesPerPdf,
    reused: false,
  };
  // Written last: a corpus without a manifest is incomplete and is made again.
  await writeFile(manifestPath, JSON.stringify({ spec: wanted, corpus }, null, 2));
  return corpus;
}

async function writeTextFiles(folder: string, spec: BenchCorpusSpec) {
  const writer = createBoardPaperWriter(createSeededRandom(spec.seed));
  const files: string[] = [];
  let bytes = 0;
  while (bytes < spec.textBytes) {
    const parts: string[] = [];
    let fileBytes = 0;
    for (let section = 1; fileBytes < spec.textFileBytes; section++) {
      const block = [
        writer.heading(section),
        ...Array.from({ length: 6 }, () => writer.paragraph()),
      ].join('\n\n');
      parts.push(block);
      fileBytes += Buffer.byteLength(block) + 2;
    }
    const path = join(folder, `board-papers-${String(files.length + 1).padStart(3, '0')}.txt`);
    const content = `${parts.join('\n\n')}\n`;
    await writeFile(path, content);
    files.push(path);
    bytes += Buffer.byteLength(content);
  }
  return { files, bytes };
}

async function writePdfFiles(folder: string, spec: BenchCorpusSpec): Promise<string[]> {
  const writer = createBoardPaperWriter(createSeededRandom(spec.seed + 1));
  const files: string[] = [];
  for (let index = 1; index <= spec.pdfFiles; index++) {
    const path = join(folder, `board-pack-${String(index).padStart(2, '0')}.pdf`);
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Board pack ${index}` } });
    const done = finished(doc.pipe(createWriteStream(path)));
    doc.font('Helvetica');
    for (let page = 1; page <= spec.pagesPerPdf; page++) {
      if (page > 1) doc.addPage();
      doc.fontSize(12).text(writer.heading(page), { paragraphGap: 6 });
      doc.fontSize(9.5);
      // Dense text, but never so much that pdfkit flows it onto an extra page.
      for (const paragraph of pageParagraphs(writer, spec.charsPerPage)) {
        doc.text(paragraph, { paragraphGap: 5, lineGap: 1 });
      }
    }
    doc.end();
    await done;
    files.push(path);
  }
  return files;
}

function pageParagraphs(
  writer: ReturnType<typeof createBoardPaperWriter>,
  charsPerPage: number,
): string[] {
  const paragraphs: string[] = [];
  let chars = 0;
  while (chars < charsPerPage) {
    const paragraph = writer.paragraph();
    if (chars + paragraph.length > charsPerPage * 1.2) continue;
    paragraphs.push(paragraph);
    chars += paragraph.length;
  }
  return paragraphs;
}

import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { makeDocx } from '../extract/test-support/make-docx.js';
import { makeZip } from '../extract/test-support/make-zip.js';
import { defaultOcrSettings } from '../ocr/ocr-settings.js';
import { makeScannedPdf } from '../ocr/scanned-pages/make-scanned-page.js';
import { tesseractJsEngineName } from '../ocr/tesseract-js-engine.js';
import { createDocumentPipeline, type DocumentPipeline } from './document-pipeline.js';

const police =
  'A police officer attends the monthly high intensity panel to agree response plans for each person on the caseload.';

describe('createDocumentPipeline()', () => {
  let pipeline: DocumentPipeline;
  let folder: string;

  beforeAll(async () => {
    pipeline = createDocumentPipeline();
    folder = await mkdtemp(join(tmpdir(), 'simwatch-pipeline-'));
  });
  afterAll(async () => {
    await pipeline.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('reads an archive and its members in a worker, depth first, with their content', async () => {
    const zip = await makeZip([
      { name: 'minutes.docx', content: await makeDocx([police]) },
      { name: 'notes.txt', content: 'Nothing to see.' },
    ]);
    const documents = await pipeline.read({ bytes: zip }, { name: 'bundle.zip' });
    expect(documents.map(({ path, parent, type }) => ({ path, parent, type }))).toEqual([
      { path: 'bundle.zip', parent: null, type: 'zip' },
      { path: 'bundle.zip!/minutes.docx', parent: 'bundle.zip', type: 'docx' },
      { path: 'bundle.zip!/notes.txt', parent: 'bundle.zip', type: 'text' },
    ]);
    const minutes = documents[1];
    expect(minutes?.content?.pages[0]?.text).toContain('A police officer attends');
    expect(
      Buffer.from(minutes?.content?.bytes ?? [])
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(minutes?.findings.map((finding) => finding.label)).toContain('police_in_care');
    expect(minutes?.modelVersion).toBe(pipeline.shippedModelVersion);
  });

  it('keeps at most the findings asked for, and counts the rest', async () => {
    const text = [1, 2, 3].map((n) => `Meeting ${n}. ${police.replace('monthly', `meeting ${n}`)}`);
    const bytes = new TextEncoder().encode(text.join('\n\n'));
    const [all] = await pipeline.read({ bytes }, { name: 'three.txt' });
    const [one] = await pipeline.read({ bytes }, { name: 'three.txt', maxFindings: 1 });
    expect(all?.findings.length).toBeGreaterThan(1);
    expect(one?.findings).toEqual(all?.findings.slice(0, 1));
    expect(one?.findingsOmitted).toBe((all?.findings.length ?? 0) - 1);
  });

  it('refuses a FIFO by the name given, without waiting for a writer', async () => {
    const path = join(folder, 'pipe');
    execFileSync('mkfifo', [path]);
    const [fifo] = await pipeline.read({ path }, { name: 'upload.pdf' });
    expect(fifo?.error).toEqual({
      code: 'unreadable',
      message:
        'Cannot read "upload.pdf": it is not a regular file (a device, a pipe or a socket cannot be read)',
    });
  });

  it('rejects with out_of_memory when a document exceeds the memory cap, and goes on', async () => {
    const small = createDocumentPipeline({ memoryMb: 64 });
    try {
      const huge = new TextEncoder().encode(`${police}\n\n`.repeat(400_000));
      await expect(small.read({ bytes: huge }, { name: 'huge.txt' })).rejects.toMatchObject({
        code: 'out_of_memory',
        message: expect.stringMatching(
          /^Cannot screen "huge\.txt": it needed more than the 64 MB/,
        ) as string,
      });
      const [after] = await small.read(
        { bytes: new TextEncoder().encode(police) },
        { name: 'a.txt' },
      );
      expect(after?.error).toBeNull();
    } finally {
      await small.stop();
    }
  });

  it('reads a scanned PDF by OCR in its worker, and a read may turn OCR off', async () => {
    const pdf = await makeScannedPdf(['Minutes of the meeting held on 3 March.', police]);
    const [scanned] = await pipeline.read({ bytes: pdf }, { name: 'scan.pdf' });
    const pages = scanned?.content?.pages ?? [];
    expect(pages.map((page) => page.ocr?.engine)).toEqual([
      tesseractJsEngineName,
      tesseractJsEngineName,
    ]);
    expect(pages[1]?.text.replace(/\s+/g, ' ')).toContain('A police officer attends');
    expect(scanned?.findings.map((finding) => [finding.label, finding.page])).toContainEqual([
      'police_in_care',
      2,
    ]);
    expect(scanned?.warnings).toEqual([]);

    const [unread] = await pipeline.read({ bytes: pdf }, { name: 'scan.pdf', ocr: false });
    expect(unread?.findings).toEqual([]);
    expect(unread?.warnings.map((warning) => [warning.code, warning.page])).toEqual([
      ['needs_ocr', 1],
      ['needs_ocr', 2],
    ]);
  }, 120_000);

  it('gives up on a page that takes longer than the OCR time limit, and says so', async () => {
    const hasty = createDocumentPipeline({
      ocr: { ...defaultOcrSettings, pageTimeoutMs: 1 },
    });
    try {
      const pdf = await makeScannedPdf([police]);
      const [scanned] = await hasty.read({ bytes: pdf }, { name: 'scan.pdf' });
      expect(scanned?.findings).toEqual([]);
      expect(scanned?.warnings).toEqual([
        {
          code: 'ocr_failed',
          page: 1,
          message:
            'Page 1 has no text layer and OCR could not read it: it took longer than 0.001 seconds',
        },
      ]);
    } finally {
      await hasty.stop();
    }
  }, 120_000);
});

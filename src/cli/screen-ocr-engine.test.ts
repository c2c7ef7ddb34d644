import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from './test-support/run-cli.js';
import { makeScannedPdf } from '../ocr/scanned-pages/make-scanned-page.js';
import { tesseractCliAvailable } from '../ocr/tesseract-cli-engine.js';

// The engine is chosen by SIMWATCH_OCR_ENGINE; Debian's tesseract must be installed for this one
// (CI installs it and sets SIMWATCH_TEST_TESSERACT_CLI=1, so there it cannot be skipped).
const wanted = tesseractCliAvailable() || process.env.SIMWATCH_TEST_TESSERACT_CLI === '1';
const planted =
  'Serenity Integrated Mentoring (SIM) was adopted by the Trust in 2019 and the SIM team now ' +
  'includes a police officer embedded in the community mental health team.';

describe.runIf(wanted)('simwatch screen with SIMWATCH_OCR_ENGINE=tesseract', () => {
  let root = '';
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'simwatch-ocr-engine-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it("reads a scanned PDF with Debian's tesseract and marks the finding with that engine", async () => {
    const file = join(root, 'scanned-reply.pdf');
    await writeFile(file, await makeScannedPdf([planted], { skewDegrees: -0.5 }));
    const run = await runCli(['screen', file, '--format', 'json', '--no-progress'], {
      env: { SIMWATCH_OCR_ENGINE: 'tesseract', SIMWATCH_OCR_CACHE: 'off' },
    });
    expect(run.stderr).toBe('');
    const [document] = JSON.parse(run.stdout) as {
      ocrPages: number;
      unreadPages: number;
      findings: { label: string; ocr: { engine: string; confidence: number } | null }[];
    }[];
    expect(document).toMatchObject({ ocrPages: 1, unreadPages: 0 });
    const finding = document?.findings.find((found) => found.label === 'police_in_care');
    expect(finding?.ocr?.engine).toMatch(/^tesseract 5\.\S+ \(eng\)$/);
    expect(finding?.ocr?.confidence).toBeGreaterThan(70);
  }, 120_000);
});

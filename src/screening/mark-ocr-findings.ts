import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Finding } from './finding.js';

/** Marks each finding on a page read by OCR with the engine and its confidence for that page. */
export function markOcrFindings(findings: Finding[], pages: readonly ExtractedPage[]): Finding[] {
  const ocrByPage = new Map(
    pages.flatMap((page) => (page.ocr && page.number !== null ? [[page.number, page.ocr]] : [])),
  );
  if (ocrByPage.size === 0) return findings;
  return findings.map((finding) => {
    const ocr = finding.page === null ? undefined : ocrByPage.get(finding.page);
    return ocr ? { ...finding, ocr } : finding;
  });
}

import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Finding } from './finding.js';
import { mergeOverlappingFindings } from './merge-overlapping-findings.js';
import { findingsOfPassage, type PreparedModel } from './passage-findings.js';
import type { PreparedCatalogue } from './prepare-catalogue.js';
import { readPage } from './read-paragraph.js';
import { passagesOf } from './read-passages.js';

/**
 * Screens pages of text: the catalogue's indicators and the model's starting frames propose
 * passages, the model judges them, and each passage is reported once per label (a passage
 * repeated on many pages, once with all its pages). Returns the findings scoring at least
 * `threshold`.
 */
export function screenPages(
  pages: readonly ExtractedPage[],
  prepared: PreparedCatalogue,
  model: PreparedModel,
  threshold: number,
): Finding[] {
  return mergeRepeats(pages.flatMap((page) => screenPage(page, prepared, model, threshold)));
}

/** The findings of one page, paragraph by paragraph. */
function screenPage(
  page: ExtractedPage,
  prepared: PreparedCatalogue,
  model: PreparedModel,
  threshold: number,
): Finding[] {
  return readPage(page, prepared).flatMap((reading) =>
    // Windows of one paragraph overlap: one finding per passage and label, with every proposer.
    mergeOverlappingFindings(
      passagesOf(reading, prepared).flatMap((passage) =>
        findingsOfPassage(passage, model, prepared.catalogue, threshold),
      ),
    ),
  );
}

/**
 * One finding for each label and passage text: a passage repeated word for word (a running
 * header, a repeated title) keeps its first place and lists every page it is on.
 */
function mergeRepeats(findings: readonly Finding[]): Finding[] {
  const byText = new Map<string, Finding>();
  const merged: Finding[] = [];
  for (const finding of findings) {
    const key = `${finding.label}\u0000${finding.excerpt.replace(/\s+/g, ' ').trim()}`;
    const first = byText.get(key);
    if (!first) {
      byText.set(key, finding);
      merged.push(finding);
    } else if (!first.pages.includes(finding.page)) first.pages.push(finding.page);
  }
  return merged;
}

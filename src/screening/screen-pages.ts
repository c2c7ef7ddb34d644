import type { ExtractedPage } from '../extract/extracted-document.js';
import type { Finding, Span } from './finding.js';
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
    keepStrongestOfOverlapping(
      passagesOf(reading, prepared).flatMap((passage) =>
        findingsOfPassage(passage, model, prepared.catalogue, threshold),
      ),
    ),
  );
}

/**
 * Windows of one paragraph overlap; of overlapping findings of one label, only the one with the
 * highest score is kept, so that reviewers see each piece of evidence once.
 */
function keepStrongestOfOverlapping(findings: Finding[]): Finding[] {
  const kept: Finding[] = [];
  const strongestFirst = [...findings].sort((a, b) => b.score - a.score || a.start - b.start);
  for (const finding of strongestFirst) {
    if (kept.some((other) => other.label === finding.label && overlaps(other, finding))) continue;
    kept.push(finding);
  }
  return kept.sort((a, b) => a.start - b.start || a.label.localeCompare(b.label));
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
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

import { groupByPassage } from '../../../register/findings/group-passages.js';
import { highlightSegments, type Segment } from '../../../screening/highlight-segments.js';
import type { FindingView } from './finding-view.js';

/** One passage of the queue: where it is, its text with the matched words marked, its findings. */
export interface TriagePassage {
  page: number | null;
  /** "Page 16", or "No page number". */
  pageName: string;
  segments: Segment[];
  findings: FindingView[];
}

/** One document of the queue, with its passages in page order. */
export interface TriageDocument {
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  documentUrl: string;
  organisations: { code: string; name: string }[];
  passages: TriagePassage[];
  /** The ids of its findings on this page of the queue, for "select all in this document". */
  findingIds: number[];
}

/**
 * Groups the queue's findings by document and then by passage (findings whose passages overlap
 * on one page are one passage, each label a finding). The passage shown covers them all, with
 * every finding's matched words marked.
 */
export function groupTriageFindings(findings: readonly FindingView[]): TriageDocument[] {
  const documents: TriageDocument[] = [];
  for (const group of groupByPassage(findings)) {
    const [first] = group.findings;
    if (!first) continue;
    let document = documents.find((each) => each.documentId === group.documentId);
    if (!document) {
      document = {
        documentId: first.documentId,
        documentTitle: first.documentTitle,
        documentDate: first.documentDate,
        documentUrl: `/documents/${first.documentId}`,
        organisations: first.organisations,
        passages: [],
        findingIds: [],
      };
      documents.push(document);
    }
    document.passages.push({
      page: group.page,
      pageName: group.page === null ? 'No page number' : `Page ${group.page}`,
      segments: passageOf(group.findings, group.start, group.end),
      findings: group.findings,
    });
    document.findingIds.push(...group.findings.map((finding) => finding.id));
  }
  return documents;
}

/** The text from `start` to `end` of the findings' page, the words that matched in any marked. */
function passageOf(findings: readonly FindingView[], start: number, end: number): Segment[] {
  const [first] = findings;
  if (!first) return [];
  const pageText = first.pageText;
  const excerpt =
    pageText !== undefined &&
    end <= pageText.length &&
    findings.every((each) => pageText.slice(each.start, each.end) === each.excerpt)
      ? pageText.slice(start, end)
      : undefined;
  if (excerpt === undefined || findings.length === 1) return first.passage;
  const highlights = findings.flatMap((finding) => finding.highlights);
  const segments = highlightSegments({ excerpt, start, highlights });
  return segments.some((segment) => segment.highlighted)
    ? segments
    : [{ text: excerpt, highlighted: true }];
}

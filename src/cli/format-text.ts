import type { DocumentScreening } from '../screening/document-screening.js';
import { labels, type Finding } from '../screening/finding.js';
import { highlightSegments } from '../screening/highlight-segments.js';
import type { OutputFormat } from './output-format.js';
import type { ScreenSummary, UnreadCause } from './screen-summary.js';

/** How the text format shows emphasis: ANSI colour on a terminal, or plain marks in text. */
export interface TextFormatOptions {
  color: boolean;
}

type Style = 'heading' | 'match' | 'error' | 'warning' | 'quiet';

const ansi: Record<Style, [string, string]> = {
  heading: ['\u001b[1m', '\u001b[22m'],
  match: ['\u001b[1;33m', '\u001b[22;39m'],
  error: ['\u001b[31m', '\u001b[39m'],
  warning: ['\u001b[33m', '\u001b[39m'],
  quiet: ['\u001b[2m', '\u001b[22m'],
};

/** The format for people: each document, its warnings and errors, and findings with excerpts. */
export function createTextFormat(options: TextFormatOptions): OutputFormat {
  const paint = (style: Style, text: string) => {
    if (options.color) return `${ansi[style][0]}${text}${ansi[style][1]}`;
    return style === 'match' ? `«${text}»` : text;
  };
  return {
    begin: () => '',
    document: (screening, index) => {
      const lines = [heading(screening, paint)];
      for (const warning of screening.warnings) {
        lines.push(`  ${paint('warning', 'Warning:')} ${clean(warning.message)}`);
      }
      if (screening.error) {
        const { code, message } = screening.error;
        lines.push(`  ${paint('error', 'Error:')} ${clean(message)} (${code})`);
      }
      for (const finding of screening.findings) lines.push(...describeFinding(finding, paint));
      return `${index === 0 ? '' : '\n'}${lines.join('\n')}\n`;
    },
    end: (summary) => `${summary.documents > 0 ? '\n' : ''}${summaryLine(summary)}\n`,
  };
}

function heading(screening: DocumentScreening, paint: (style: Style, text: string) => string) {
  const path = paint('heading', clean(screening.path));
  if (screening.error) return `${path}: could not be screened`;
  const pages = screening.pages === 1 ? '1 page' : `${screening.pages} pages`;
  const byOcr = screening.ocrPages > 0 ? `, ${screening.ocrPages} read by OCR` : '';
  const shape =
    screening.pages > 0 ? `${screening.type ?? 'unknown'}, ${pages}${byOcr}` : screening.type;
  const found = screening.labels.length > 0 ? screening.labels.join(', ') : 'no findings';
  // Findings or not, pages that were not read leave the document not known to be clean.
  const unread = screening.unreadPages > 0 ? `; ${countPages(screening.unreadPages)} not read` : '';
  return `${path} (${shape ?? 'unknown'}): ${found}${unread}`;
}

function describeFinding(finding: Finding, paint: (style: Style, text: string) => string) {
  const page =
    (finding.page === null ? 'no page' : `page ${finding.page}`) +
    (finding.ocr ? ` (read by OCR, confidence ${Math.round(finding.ocr.confidence)}%)` : '');
  const excerpt = highlightSegments(finding)
    .map((segment) => {
      const text = clean(segment.text);
      return segment.highlighted ? paint('match', text) : text;
    })
    .join('');
  const lines = [
    `  ${paint('heading', finding.label)}, ${page}, score ${finding.score.toFixed(2)}, ` +
      `reads as ${finding.stance} ${paint('quiet', `(${finding.indicator})`)}`,
    `    Why: ${clean(finding.reason)}`,
    `    ${excerpt.trim()}`,
  ];
  const otherPages = finding.pages.filter((each) => each !== finding.page && each !== null);
  if (otherPages.length > 0) lines.push(`    Also on pages ${otherPages.join(', ')}`);
  // The model's first reason is often the indicator's own, already given as "Why".
  const reasons = finding.explanation
    .filter((reason) => !reason.startsWith(finding.reason))
    .slice(0, 2)
    .map(clean);
  if (reasons.length > 0)
    lines.push("    The model's reasons:", ...reasons.map((reason) => `      ${reason}`));
  const { nearest } = finding;
  if (nearest)
    lines.push(
      `    ${paint(
        'quiet',
        `Nearest labelled example: ${clean(nearest.id)} (${clean(describeLabels(nearest.labels))}, ` +
          `${clean(nearest.stance)}; similarity ${nearest.similarity.toFixed(2)})` +
          (nearest.source ? ` ${clean(nearest.source)}` : ''),
      )}`,
    );
  return lines;
}

function describeLabels(names: readonly string[]): string {
  return names.length > 0 ? names.join(', ') : 'no label';
}

function summaryLine(summary: ScreenSummary): string {
  const documents = summary.documents === 1 ? '1 document' : `${summary.documents} documents`;
  const byLabel = labels
    .filter((label) => summary.byLabel[label] > 0)
    .map((label) => `${label} ${summary.byLabel[label]}`);
  const byOcr = summary.ocrPages > 0 ? ` (${countPages(summary.ocrPages)} read by OCR)` : '';
  return (
    `Screened ${documents}${byOcr}: ${summary.withFindings} with findings, ` +
    unreadClause(summary) +
    `${summary.errors} could not be screened. ` +
    `Documents by label: ${byLabel.length > 0 ? byLabel.join(', ') : 'none'}.`
  );
}

const unreadReasons: Record<UnreadCause, string> = {
  needs_ocr: 'no text layer; OCR off',
  ocr_failed: 'OCR could not read them',
  damaged_page: 'damaged',
};

// So the summary never reads as clean when some pages were not screened at all.
function unreadClause(summary: ScreenSummary): string {
  if (summary.unreadPages === 0) return '';
  const causes = (Object.keys(unreadReasons) as UnreadCause[]).filter(
    (cause) => summary.unreadBy[cause] > 0,
  );
  const why =
    causes.length === 1
      ? unreadReasons[causes[0] ?? 'needs_ocr']
      : causes.map((cause) => `${summary.unreadBy[cause]} ${unreadReasons[cause]}`).join(', ');
  return `${summary.withUnreadPages} with ${countPages(summary.unreadPages)} not read (${why}), `;
}

function countPages(count: number): string {
  return count === 1 ? '1 page' : `${count} pages`;
}

/**
 * Makes untrusted text safe and readable on one line: whitespace runs become one space, and
 * control and bidirectional-override characters (which could drive the terminal) are dropped.
 */
function clean(text: string): string {
  return (
    text
      .replace(/\s+/g, ' ')
      // eslint-disable-next-line no-control-regex -- matching control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
  );
}

import type { Label } from '../finding.js';
import type { ScreeningEngine } from '../screening-engine.js';

/** Findings on ordinary documents that describe no such practice: every one is a false lead. */
export interface FalseLeads {
  documents: number;
  words: number;
  findings: number;
  perHundredThousandWords: number;
  byLabel: Partial<Record<Label, number>>;
  /** Each finding: the document, label, score and the start of its excerpt. */
  examples: { document: string; label: Label; score: number; excerpt: string }[];
}

/** Screens ordinary documents and counts what screening reports on them. */
export function countFalseLeads(
  documents: readonly { name: string; text: string }[],
  engine: ScreeningEngine,
  threshold?: number,
): FalseLeads {
  let words = 0;
  const byLabel: Partial<Record<Label, number>> = {};
  const examples: FalseLeads['examples'] = [];
  for (const { name, text } of documents) {
    words += text.split(/\s+/).filter(Boolean).length;
    for (const finding of engine.screenText(text, threshold).findings) {
      byLabel[finding.label] = (byLabel[finding.label] ?? 0) + 1;
      examples.push({
        document: name,
        label: finding.label,
        score: finding.score,
        excerpt: finding.excerpt.replace(/\s+/g, ' ').slice(0, 160),
      });
    }
  }
  return {
    documents: documents.length,
    words,
    findings: examples.length,
    perHundredThousandWords: words === 0 ? 0 : (examples.length / words) * 100_000,
    byLabel,
    examples,
  };
}

import type { DocumentScreening } from '../screening/document-screening.js';

/**
 * A document's result as printed in JSON, with the keys in their documented order (the order
 * people and diff tools see, whatever order the library builds them in).
 */
export function toScreeningRecord(screening: DocumentScreening) {
  return {
    path: screening.path,
    parent: screening.parent,
    sha256: screening.sha256,
    type: screening.type,
    pages: screening.pages,
    unreadPages: screening.unreadPages,
    ocrPages: screening.ocrPages,
    labels: screening.labels,
    findings: screening.findings.map((finding) => ({
      label: finding.label,
      indicator: finding.indicator,
      reason: finding.reason,
      proposedBy: finding.proposedBy.map(({ id, reason }) => ({ id, reason })),
      excerpt: finding.excerpt,
      page: finding.page,
      pages: finding.pages,
      start: finding.start,
      end: finding.end,
      score: finding.score,
      stance: finding.stance,
      highlights: finding.highlights.map(({ start, end }) => ({ start, end })),
      explanation: finding.explanation,
      against: finding.against,
      nearest: finding.nearest && {
        id: finding.nearest.id,
        source: finding.nearest.source,
        labels: finding.nearest.labels,
        stance: finding.nearest.stance,
        similarity: finding.nearest.similarity,
      },
      modelVersion: finding.modelVersion,
      context: finding.context,
      ocr: finding.ocr ? { engine: finding.ocr.engine, confidence: finding.ocr.confidence } : null,
    })),
    warnings: screening.warnings,
    error: screening.error && { code: screening.error.code, message: screening.error.message },
    catalogueVersion: screening.catalogueVersion,
  };
}

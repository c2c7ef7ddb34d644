import type { FindingScreening } from './finding-screening.js';
import type { FindingStatus } from './finding-status.js';

/** A finding as reviewers see it, with its document, organisations and what screening said. */
export interface FindingSummary extends FindingScreening {
  id: number;
  status: FindingStatus;
  label: string;
  indicator: string;
  reason: string;
  excerpt: string;
  page: number | null;
  /** How OCR read the finding's page (its text may hold reading errors); null when it had a text layer. */
  ocr: { engine: string; confidence: number | null } | null;
  /** For a model's finding, its calibrated probability; for an assurance, the rules' strength. */
  score: number;
  documentId: number;
  documentTitle: string;
  documentDate: string | null;
  organisations: string[];
  decisions: { reviewer: string; decision: string; reason: string | null; decidedAt: string }[];
}

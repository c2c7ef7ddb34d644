import type { Kysely } from 'kysely';

import { listReviewedFindingKeys } from './reviewed-findings-repository.js';
import { listPassagesByIds } from '../models/models-repository.js';
import { isEvidenceLabel } from '../../screening/finding.js';
import { sketchSimilarity } from '../../screening/model/nearest-example.js';
import type { ScreeningEngine } from '../../screening/screening-engine.js';
import type { DatabaseSchema } from '../../store/schema.js';

/**
 * How similar a reviewed finding must be to be shown as like another. Sketches of unrelated
 * passages are rarely this close (about 1 pair in 100 of simwatch's own corpus); below it, the
 * nearest training passage says more.
 */
export const minimumSimilarity = 0.5;

/** A finding that reviewers settled, most like another one. */
export interface SimilarReviewedFinding {
  id: number;
  status: 'confirmed' | 'rejected';
  /** Cosine similarity of the two passages' sketches, -1 to 1. */
  similarity: number;
}

/** A reviewed finding with its passage's sketch. */
export interface SketchedFinding {
  id: number;
  status: 'confirmed' | 'rejected';
  sketch: number[];
}

/**
 * The reviewed finding whose sketch is nearest (by cosine) to `sketch`, leaving out the finding
 * itself; undefined when none is at least `minimum` similar. Ties go to the earlier finding.
 */
export function mostSimilarFinding(
  sketch: readonly number[],
  reviewed: readonly SketchedFinding[],
  options: { exceptId: number; minimum?: number },
): SimilarReviewedFinding | undefined {
  let best: SimilarReviewedFinding | undefined;
  for (const finding of reviewed) {
    if (finding.id === options.exceptId) continue;
    const similarity = sketchSimilarity(sketch, finding.sketch);
    if (similarity < (options.minimum ?? minimumSimilarity)) continue;
    if (!best || similarity > best.similarity)
      best = { id: finding.id, status: finding.status, similarity };
  }
  return best;
}

/** Finds, for findings on a page, the most similar finding that reviewers have settled. */
export interface SimilarFindings {
  /** The most similar reviewed finding of the same label for each finding, by its id. */
  find(
    engine: ScreeningEngine,
    findings: readonly { id: number; label: string; excerpt: string }[],
  ): Promise<Map<number, SimilarReviewedFinding>>;
}

/** Sketches kept at most, by finding id; past this the cache starts again. */
const sketchesKept = 50_000;

/**
 * Compares findings with the reviewed findings of the register by the engine's sketches. A
 * finding's passage never changes, so its sketch is kept (until the engine's model changes) and
 * each reviewed passage is read from the database once.
 */
export function createSimilarFindings(db: Kysely<DatabaseSchema>): SimilarFindings {
  let modelVersion: string | undefined;
  const sketches = new Map<number, number[] | null>();

  function sketchOf(engine: ScreeningEngine, id: number, excerpt: string): number[] | null {
    const known = sketches.get(id);
    if (known !== undefined) return known;
    const sketch = engine.sketchText(excerpt) ?? null;
    if (sketches.size >= sketchesKept) sketches.clear();
    sketches.set(id, sketch);
    return sketch;
  }

  return {
    async find(engine, findings) {
      if (modelVersion !== engine.modelVersion) {
        sketches.clear();
        modelVersion = engine.modelVersion;
      }
      const found = new Map<number, SimilarReviewedFinding>();
      const labels = [...new Set(findings.map((finding) => finding.label))].filter(isEvidenceLabel);
      for (const label of labels) {
        const keys = await listReviewedFindingKeys(db, label);
        const unread = keys.filter((key) => !sketches.has(key.id)).map((key) => key.id);
        for (const passage of await listPassagesByIds(db, unread))
          sketchOf(engine, passage.id, passage.excerpt);
        const reviewed = keys.flatMap((key) => {
          const sketch = sketches.get(key.id);
          return sketch ? [{ ...key, sketch }] : [];
        });
        for (const finding of findings.filter((each) => each.label === label)) {
          const sketch = sketchOf(engine, finding.id, finding.excerpt);
          const similar = sketch && mostSimilarFinding(sketch, reviewed, { exceptId: finding.id });
          if (similar) found.set(finding.id, similar);
        }
      }
      return found;
    },
  };
}

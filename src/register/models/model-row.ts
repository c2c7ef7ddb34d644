import type { Insertable, Selectable } from 'kysely';

import { canonicalJson } from '../../record/canonical-json.js';
import type { ScreeningModelsTable } from '../../store/schema.js';
import type { ModelActivationRecord } from '../register-event.js';
import type { ModelActivation } from './model-activation.js';

/**
 * The `screening_models` row a `model.activated` event writes, with its objects as canonical
 * JSON: the same text whether written live or rebuilt from the record.
 */
export function modelRow(model: ModelActivationRecord): Insertable<ScreeningModelsTable> {
  return {
    id: model.id,
    version: model.version,
    created_at: model.createdAt,
    catalogue_version: model.catalogueVersion,
    sha256: model.sha256,
    training_data: canonicalJson(model.trainingData),
    reviewed_findings: canonicalJson(model.reviewedFindings),
    evaluation: canonicalJson(model.evaluation),
    previous_version: model.previousVersion,
    activated_at: model.activatedAt,
    activated_by: model.activatedBy,
  };
}

/** A `screening_models` row as the activation it records. */
export function activationOfRow(row: Selectable<ScreeningModelsTable>): ModelActivation {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.created_at,
    catalogueVersion: row.catalogue_version,
    sha256: row.sha256,
    trainingData: JSON.parse(row.training_data) as ModelActivation['trainingData'],
    reviewedFindings: JSON.parse(row.reviewed_findings) as ModelActivation['reviewedFindings'],
    evaluation: JSON.parse(row.evaluation) as ModelActivation['evaluation'],
    previousVersion: row.previous_version,
    activatedAt: row.activated_at,
    activatedBy: row.activated_by,
  };
}

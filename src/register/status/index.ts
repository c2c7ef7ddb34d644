// The register's statuses: pure rules over plain facts about each organisation.
export * from './register-facts.js';
export { featureNames } from './feature-names.js';
export { isoDay } from './iso-day.js';
export { findContradictions, type Contradiction } from './contradictions.js';
export { groupContradictions, type ContradictionGroup } from './contradiction-groups.js';
export { describeContradictionRules } from './contradiction-rules.js';
export {
  statusLabels,
  statusOrder,
  type FeatureState,
  type OrganisationStatus,
  type ReasonSource,
  type StatusCode,
  type StatusReason,
} from './organisation-status.js';
export { deriveStatus } from './derive-status.js';
export { describeStatusRules } from './status-rules.js';
export {
  computeNationalFigures,
  unknownRegion,
  type NationalFigures,
  type RegionFigures,
} from './national-figures.js';

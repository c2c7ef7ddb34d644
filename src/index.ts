/** simwatch as a library: screen bytes or text for the features of concern. */
export { createScreeningEngine, labelsOf } from './screening/screening-engine.js';
export type { ScreeningEngine, TextScreening } from './screening/screening-engine.js';
export { screenDocument, screenFile } from './screening/screen-document.js';
export type { ScreenOptions } from './screening/screen-document.js';
export type { DocumentScreening } from './screening/document-screening.js';
export { labels, isLabel, evidenceLabels } from './screening/finding.js';
export type { Finding, Label, NearestExample, Span, Stance } from './screening/finding.js';
export { loadModelFile, parseModel, defaultModelPath } from './screening/model/model-file.js';
export type { ScreeningModel } from './screening/model/screening-model.js';
export { loadCatalogue, parseCatalogue, defaultCataloguePath } from './screening/load-catalogue.js';
export { defaultThreshold } from './screening/score-finding.js';
export { defaultExtractionLimits } from './extract/extraction-limits.js';
export type { ExtractionLimits } from './extract/extraction-limits.js';
export { SimwatchError, errorCodes } from './errors.js';
export type { ErrorCode } from './errors.js';

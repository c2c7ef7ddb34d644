import type { ModelActivation } from '../../register/models/model-activation.js';
import type { ScreeningModel } from '../../screening/model/screening-model.js';

/** An activation in plain words: its figures against the baseline, its data and its history. */
export function describeActivation(activation: ModelActivation): string[] {
  const figures = activation.evaluation;
  const { confirmed, rejected } = activation.reviewedFindings;
  return [
    `  Macro-F1 on the corpus ${figures.macroF1.toFixed(3)} (${figures.passages} passages, ` +
      `${figures.folds} folds); baseline ${figures.baselineMacroF1.toFixed(3)} with the ` +
      `reviewed findings that model ${activation.previousVersion} learned from`,
    `  Trained on ${describeTrainingData(activation.trainingData)}: ` +
      `${confirmed.length} confirmed, ${rejected.length} rejected`,
    `  Made ${activation.createdAt} with catalogue ${activation.catalogueVersion}; made active ` +
      `${activation.activatedAt} by ${activation.activatedBy}, replacing ${activation.previousVersion}`,
    `  Model file SHA-256 ${activation.sha256}`,
  ];
}

/** What a model was trained on, in a phrase. */
export function describeTrainingData(data: ScreeningModel['trainingData']): string {
  const corpora = data.corpora.length > 0 ? ` of ${data.corpora.join(', ')}` : '';
  const findings = data.reviewedFindings === 1 ? 'finding' : 'findings';
  return (
    `${data.passages} corpus passages${corpora} from ${data.sources} sources and ` +
    `${data.reviewedFindings} reviewed ${findings} of the register`
  );
}

import type { ModelEvaluation } from '../../screening/model/train-and-evaluate.js';
import type { ModelActivationRecord, ModelFiguresRecord } from '../register-event.js';

/** A model the register made active, as recorded by its `model.activated` event. */
export type ModelActivation = ModelActivationRecord;

/** A model's figures on the real corpus, and the same figure for what it is compared with. */
export interface ActivationComparison {
  candidateVersion: string;
  candidateMacroF1: number;
  /** The model in use: the register's active model, or the one shipped with simwatch. */
  inUseVersion: string;
  /** How many reviewed findings the model in use learned from (none for the shipped model). */
  inUseReviewedFindings: number;
  baselineMacroF1: number;
}

// Cross-validation is deterministic, but sums of floating-point F1s may differ in the last bits.
const tolerance = 1e-9;

/**
 * Why a newly trained model may not become active, or undefined when it may. Both figures are
 * grouped cross-validation on the same corpus and the same folds: the candidate with every
 * reviewed finding, the baseline with those the model in use learned from. So the rule asks only
 * whether what reviewers added since made screening worse on real text; a tie is not worse.
 */
export function activationRefusal(comparison: ActivationComparison): string | undefined {
  const { candidateMacroF1: candidate, baselineMacroF1: baseline } = comparison;
  if (candidate >= baseline - tolerance) return undefined;
  const [shown, shownBaseline] = distinctFigures(candidate, baseline);
  const inUse = comparison.inUseVersion;
  const baselineData =
    comparison.inUseReviewedFindings === 0
      ? `without reviewed findings, as model ${inUse} was trained`
      : `with the ${comparison.inUseReviewedFindings} reviewed findings that model ${inUse} ` +
        'learned from';
  return (
    `Cannot make model ${comparison.candidateVersion} active: its cross-validated macro-F1 on ` +
    `the corpus is ${shown}, below ${shownBaseline} for the same corpus and folds ` +
    `${baselineData}. The reviewers' decisions since then made screening worse on real text, ` +
    `so model ${inUse} stays in use; check those decisions and train again`
  );
}

/** The figures an activation records, from the candidate's evaluation and the baseline's score. */
export function figuresOf(
  evaluation: ModelEvaluation,
  baselineMacroF1: number,
): ModelFiguresRecord {
  return {
    folds: evaluation.folds,
    threshold: evaluation.threshold,
    passages: evaluation.withUncertain.passages,
    macroF1: evaluation.withUncertain.macroF1,
    baselineMacroF1,
    certainMacroF1: evaluation.certainOnly.macroF1,
    critiqueShare: evaluation.withUncertain.critique.share,
    brier: evaluation.calibration.brier,
    expectedCalibrationError: evaluation.calibration.expectedError,
    falseLeadsPerHundredThousandWords:
      evaluation.ordinaryDocuments?.perHundredThousandWords ?? null,
  };
}

/** Two figures to three decimals, or as many more as it takes to show that they differ. */
function distinctFigures(a: number, b: number): [string, string] {
  for (let digits = 3; digits < 9; digits += 1)
    if (a.toFixed(digits) !== b.toFixed(digits)) return [a.toFixed(digits), b.toFixed(digits)];
  return [a.toFixed(9), b.toFixed(9)];
}

/**
 * The activation screening uses with the current catalogue: the register's active model, unless
 * it was trained with another version of the catalogue (it reads passages through the
 * catalogue's indicators and frames, so it cannot read them now). Then the model shipped with
 * simwatch is used, with a warning to show people.
 */
export function activationInUse(
  active: ModelActivation | undefined,
  catalogueVersion: string,
): { activation: ModelActivation | undefined; warning: string | null } {
  if (!active || active.catalogueVersion === catalogueVersion)
    return { activation: active, warning: null };
  return {
    activation: undefined,
    warning:
      `The register's active screening model ${active.version} was trained with catalogue ` +
      `${active.catalogueVersion}, and the catalogue is now ${catalogueVersion}: screening uses ` +
      'the model shipped with simwatch instead. Train the model again with "simwatch model train"',
  };
}

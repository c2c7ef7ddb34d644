import { SimwatchError } from '../errors.js';
import { activationInUse } from '../register/models/model-activation.js';
import { loadActiveModel, type ActiveModel } from '../register/models/models-service.js';
import type { RegisterDeps } from '../register/register-deps.js';
import { loadCatalogue } from '../screening/load-catalogue.js';
import type { ScreeningModel } from '../screening/model/screening-model.js';
import { createScreeningEngine, type ScreeningEngine } from '../screening/screening-engine.js';

/** The composition root's screening: the engine, and how to pick up a newly active model. */
export interface Screening {
  engine: () => ScreeningEngine;
  /** The register's active model as last read, without building an engine (see RegisterDeps). */
  activeModel: () => ScreeningModel | undefined;
  refreshEngine: () => Promise<void>;
  /** Why screening does not use the register's active model; builds the engine if need be. */
  engineWarning: () => string | null;
}

/**
 * Reads the register's active screening model; the engine is built on first use with it, or
 * with the model shipped with simwatch when there is none or it cannot be used (then `warn` is
 * told why).
 */
export async function setUpScreening(
  deps: Pick<RegisterDeps, 'database' | 'blobs'>,
  warn: (message: string) => void,
): Promise<Screening> {
  let active: ActiveModel | undefined;
  let loadProblem: string | null = null;
  let engine: ScreeningEngine | undefined;
  let warning: string | null = null;

  const readActiveModel = async () => {
    try {
      active = await loadActiveModel(deps);
      loadProblem = null;
    } catch (error) {
      // A register whose model file is lost or damaged still opens: screening falls back.
      if (!(error instanceof SimwatchError) || error.code !== 'invalid_model') throw error;
      active = undefined;
      loadProblem = `${error.message}: screening uses the model shipped with simwatch instead`;
    }
    engine = undefined;
  };
  const buildEngine = (): ScreeningEngine => {
    const catalogue = loadCatalogue();
    const choice = activationInUse(active?.activation, catalogue.version);
    warning = loadProblem ?? choice.warning;
    if (warning) warn(warning);
    return createScreeningEngine({
      catalogue,
      ...(choice.activation && active ? { model: active.model } : {}),
    });
  };

  await readActiveModel();
  return {
    engine: () => (engine ??= buildEngine()),
    activeModel: () => active?.model,
    refreshEngine: readActiveModel,
    engineWarning() {
      engine ??= buildEngine();
      return warning;
    },
  };
}

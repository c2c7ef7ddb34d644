import type { AppDeps } from '../../../app/create-app-deps.js';
import {
  activationInUse,
  type ModelActivation,
} from '../../../register/models/model-activation.js';
import { currentEngine } from '../../../register/models/current-engine.js';
import type { ScreeningEngine } from '../../../screening/screening-engine.js';

/** The engine screening uses, and the register's model activation behind it, if any. */
export interface EngineInUse {
  engine: ScreeningEngine;
  /** The register's active model as recorded, whether or not screening can use it. */
  recorded: ModelActivation | undefined;
  /** The activation of the model the engine screens with; undefined for the shipped model. */
  activation: ModelActivation | undefined;
  /** Why screening does not use the register's active model, when it cannot; else null. */
  warning: string | null;
}

/**
 * The engine in use (see `currentEngine`: read again first when another process made a model
 * active), the activation behind it, and why it is not the register's, if it is not.
 */
export async function engineInUse(deps: AppDeps): Promise<EngineInUse> {
  const { engine, recorded } = await currentEngine(deps);
  const wanted = activationInUse(recorded, engine.catalogueVersion).activation;
  return {
    engine,
    recorded,
    activation: wanted?.version === engine.modelVersion ? wanted : undefined,
    warning: deps.engineWarning(),
  };
}

import type { ScreeningModel } from '../../screening/model/screening-model.js';
import type { ScreeningEngine } from '../../screening/screening-engine.js';
import type { RegisterDeps } from '../register-deps.js';
import { activationInUse, type ModelActivation } from './model-activation.js';
import { findActiveModel } from './models-repository.js';

// The activation each set of deps last read again, so a model that cannot be loaded is not read
// again on every call (the engine then screens with the shipped model, and says why).
const reloadedFor = new WeakMap<object, number>();

/**
 * The engine to screen with now, and the register's active model as recorded: when another
 * process (the command line, another server, a training worker) made a model active since this
 * process built its engine, the engine is built again with it first. One small query a call.
 */
export async function currentEngine(
  deps: Pick<RegisterDeps, 'database' | 'engine' | 'refreshEngine'>,
): Promise<{ engine: ScreeningEngine; recorded: ModelActivation | undefined }> {
  const recorded = await findActiveModel(deps.database.db);
  let engine = deps.engine();
  const wanted = activationInUse(recorded, engine.catalogueVersion).activation;
  if (wanted && wanted.version !== engine.modelVersion && reloadedFor.get(deps) !== wanted.id) {
    reloadedFor.set(deps, wanted.id);
    await deps.refreshEngine();
    engine = deps.engine();
  }
  return { engine, recorded };
}

/**
 * The model to screen with now, without building an engine (the document pipeline's worker
 * builds its own): the register's active model, read again first when another process made a
 * model active since; undefined for the model shipped with simwatch. A model trained with another
 * catalogue is returned all the same: the worker then screens with the shipped model.
 */
export async function currentScreeningModel(
  deps: Pick<RegisterDeps, 'database' | 'activeModel' | 'refreshEngine'>,
): Promise<ScreeningModel | undefined> {
  const recorded = await findActiveModel(deps.database.db);
  if (recorded && recorded.version !== deps.activeModel()?.version && reloadedFor.get(deps) !== recorded.id) {
    reloadedFor.set(deps, recorded.id);
    await deps.refreshEngine();
  }
  return deps.activeModel();
}

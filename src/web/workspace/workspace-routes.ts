import type { RouteModule } from '../route-module.js';
import { createModelTraining, type ModelTraining } from '../../app/model-training/model-training.js';
import { modelRoutes } from './model/model-routes.js';
import { trainInWorker } from '../../app/model-training/train-in-worker.js';
import { signedInUser } from './signed-in-user.js';
import { triageRoutes } from './triage/triage-routes.js';
import { countFindingsByStatus } from '../../register/findings/triage-repository.js';
import { listUploadJobs } from '../../uploads/upload-jobs-repository.js';
import { uploadProgress } from './uploads/upload-progress.js';
import { createUploadQueue, type UploadQueue } from '../../uploads/upload-queue.js';
import { uploadRoutes } from './uploads/upload-routes.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The background queue that screens uploaded documents (tests wait on `idle()`). */
    uploadQueue: UploadQueue;
    /** Retraining the screening model in the background (tests wait on `idle()`). */
    modelTraining: ModelTraining;
  }
}

/**
 * The reviewer workspace: the dashboard, uploads screened in the background, the triage queue and
 * the screening model. The upload queue starts when the app is ready and finishes its document on
 * close; a model being trained is stopped on close.
 */
export const workspaceRoutes: RouteModule = (app, context) => {
  const queue = createUploadQueue({
    deps: context.deps,
    log: app.log,
  });
  app.decorate('uploadQueue', queue);
  app.addHook('onReady', () => {
    queue.wake();
    return Promise.resolve();
  });
  app.addHook('onClose', () => queue.stop());

  const training = createModelTraining({
    train:
      context.trainModel ??
      trainInWorker(context.deps.config, {
        logError: (message) => {
          app.log.error(message);
        },
      }),
    now: context.deps.now,
    async afterActivation() {
      // The worker recorded the activation: this process screens with the new model from now.
      await context.deps.refreshEngine();
    },
    logError: (error) => {
      app.log.error(error);
    },
  });
  app.decorate('modelTraining', training);
  app.addHook('onClose', () => training.stop());

  app.get('/workspace', { config: { access: 'viewer' } }, async (request, reply) => {
    const user = signedInUser(request);
    const db = context.deps.database.db;
    const mayReview = user.role !== 'viewer';
    const [counts, jobs] = await Promise.all([
      countFindingsByStatus(db),
      mayReview ? listUploadJobs(db, user.username, { limit: 5 }) : Promise.resolve([]),
    ]);
    return reply.page('workspace/home.njk', {
      title: 'Workspace',
      counts,
      jobs: jobs.map(uploadProgress),
      mayReview,
      isAdministrator: user.role === 'administrator',
    });
  });

  uploadRoutes(app, context, queue);
  triageRoutes(app, context);
  modelRoutes(app, context, training);
};

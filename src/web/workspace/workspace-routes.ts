import type { RouteModule } from '../route-module.js';
import { modelRoutes } from './model/model-routes.js';
import { signedInUser } from './signed-in-user.js';
import { triageRoutes } from './triage/triage-routes.js';
import { countFindingsByStatus } from '../../register/findings/triage-repository.js';
import { listUploadJobs } from '../../uploads/upload-jobs-repository.js';
import { uploadProgress } from './uploads/upload-progress.js';
import { uploadRoutes } from './uploads/upload-routes.js';

/**
 * The reviewer workspace: the dashboard, uploads screened in the background, the triage queue and
 * the screening model. The upload queue and model training are the composition root's services.
 */
export const workspaceRoutes: RouteModule = (app, context) => {
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

  uploadRoutes(app, context, context.deps.uploadQueue);
  triageRoutes(app, context);
  modelRoutes(app, context, context.deps.modelTraining);
};

import type { RouteModule } from '../route-module.js';
import { correctionRoutes } from './correction-routes.js';
import { submissionRoutes } from './submission-routes.js';
import { contributionReviewRoutes } from './contribution-review-routes.js';

/** What the public sends (corrections, documents and tips), and reviewers reading it. */
export const contributionRoutes: RouteModule = async (app, context) => {
  await correctionRoutes(app, context);
  await submissionRoutes(app, context);
  await contributionReviewRoutes(app, context);
};

import type { FastifyInstance, FastifyReply } from 'fastify';

import { listModelActivations } from '../../../register/models/models-repository.js';
import type { FormError } from '../../forms/form-errors.js';
import type { WebContext } from '../../web-context.js';
import { signedInUser } from '../signed-in-user.js';
import { engineInUse } from './engine-in-use.js';
import { modelPageValues } from './model-page.js';
import type { ModelTraining } from '../../../app/model-training/model-training.js';

/**
 * The screening model page: the model in use, its figures and history, for everyone signed in;
 * retraining it in the background, for administrators.
 */
export function modelRoutes(app: FastifyInstance, context: WebContext, training: ModelTraining) {
  const { deps } = context;

  async function renderModelPage(reply: FastifyReply, errors: FormError[] = [], statusCode = 200) {
    const user = signedInUser(reply.request);
    const [inUse, activations] = await Promise.all([
      engineInUse(deps),
      listModelActivations(deps.database.db),
    ]);
    return reply.page(
      'workspace/model.njk',
      {
        title: 'The screening model',
        ...modelPageValues({
          inUse,
          activations,
          job: training.current(),
          training: deps.config.training,
        }),
        isAdministrator: user.role === 'administrator',
        errors,
      },
      statusCode,
    );
  }

  app.get('/workspace/model', { config: { access: 'viewer' } }, (_request, reply) =>
    renderModelPage(reply),
  );

  app.post(
    '/workspace/model/training',
    { config: { access: 'administrator' } },
    async (request, reply) => {
      const user = signedInUser(request);
      const { corpusPaths, ordinaryFolder } = deps.config.training;
      if (corpusPaths.length === 0)
        return renderModelPage(
          reply,
          [{ text: 'Set up a labelled corpus before training the model', href: '#training' }],
          400,
        );
      if (!training.start({ corpusPaths, ordinaryFolder, actor: user.username }))
        return renderModelPage(
          reply,
          [
            {
              text: 'The model is already being trained. Wait for it to finish',
              href: '#training',
            },
          ],
          409,
        );
      return reply.redirect('/workspace/model', 303);
    },
  );
}

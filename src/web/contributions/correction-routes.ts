import type { FastifyReply } from 'fastify';

import { insertCorrection } from '../../contributions/corrections-repository.js';
import type { RouteModule } from '../route-module.js';
import { errorValues, type FieldError } from '../forms/form-errors.js';
import { readFormFields, type FormFields } from '../forms/form-fields.js';
import { queryText } from '../workspace/records/done-notice.js';
import { parseCorrectionForm } from './correction-form.js';
import { publicFormLimit } from './public-form-limit.js';

/** The public corrections route: anyone may report an error; reviewers read it in the workspace. */
export const correctionRoutes: RouteModule = (app, { deps }) => {
  const db = deps.database.db;

  function showForm(reply: FastifyReply, values: FormFields, errors: readonly FieldError[] = []) {
    return reply.page(
      'pages/corrections.njk',
      { title: 'Report an error', values, ...errorValues(errors) },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/corrections', { config: { access: 'public', noStore: true } }, (request, reply) =>
    queryText(request.query, 'sent') === 'yes'
      ? reply.page('pages/contribution-sent.njk', {
          title: 'Thank you: your report has been sent',
          heading: 'Thank you: your report has been sent',
          what: 'report',
        })
      : showForm(reply, { page: queryText(request.query, 'page') }),
  );

  app.post(
    '/corrections',
    { config: { access: 'public', noStore: true, rateLimit: publicFormLimit('a report') } },
    async (request, reply) => {
      const fields = readFormFields(request.body);
      const parsed = parseCorrectionForm(fields);
      if (!parsed.ok) return showForm(reply, fields, parsed.errors);
      await insertCorrection(db, parsed.value, deps.now());
      return reply.redirect('/corrections?sent=yes', 303);
    },
  );
};

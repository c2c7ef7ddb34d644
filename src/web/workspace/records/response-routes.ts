import type { FastifyReply } from 'fastify';

import { SimwatchError } from '../../../errors.js';
import { listOrganisations } from '../../../register/organisations/organisations-repository.js';
import { listRecentResponses } from '../../../register/responses/responses-repository.js';
import { recordResponse } from '../../../register/responses/responses-service.js';
import type { RouteModule } from '../../route-module.js';
import { errorValues, fieldError, type FieldError } from '../../forms/form-errors.js';
import { readFormFields, textField, type FormFields } from '../../forms/form-fields.js';
import { uploadedFiles } from '../uploads/uploaded-files.js';
import { cleanFileName } from '../uploads/stage-upload.js';
import { assuranceScopeLabels } from './assurance-form.js';
import { doneUrl, queryText } from './done-notice.js';
import { actorOf, featureItems, noticeOf } from './form-page.js';
import { organisationPickerGroups } from '../../forms/organisation-picker.js';
import { parseResponseForm } from './response-form.js';

const template = 'workspace/records/response-form.njk';

/** The form's field for each field a service error names. */
const formFieldOf: Record<string, string> = {
  scope: 'assuranceScope',
  scopeDate: 'assuranceScope',
  givenOn: 'receivedOn',
};

/**
 * Recording an organisation's response (its right of reply), which may have come by email: the
 * form, with the files it came with, and the list of responses recorded. Reviewers only.
 */
export const responseRoutes: RouteModule = (app, context) => {
  const { deps } = context;
  const db = deps.database.db;

  async function showForm(
    reply: FastifyReply,
    values: FormFields,
    options: { errors?: readonly FieldError[]; filesLost?: boolean } = {},
  ) {
    const errors = options.errors ?? [];
    const organisations = await listOrganisations(db);
    return reply.page(
      template,
      {
        title: 'Record a response from an organisation',
        values,
        filesLost: options.filesLost ?? false,
        organisationGroups: organisationPickerGroups(organisations, [
          textField(values, 'organisation'),
        ]),
        scopeLabels: assuranceScopeLabels,
        featureItems,
        ...errorValues(errors),
      },
      errors.length > 0 ? 400 : 200,
    );
  }

  app.get('/workspace/responses', { config: { access: 'reviewer' } }, async (request, reply) =>
    reply.page('workspace/records/responses.njk', {
      title: 'Responses from organisations',
      notice: await noticeOf(db, request.query),
      responses: await listRecentResponses(db, { limit: 100 }),
    }),
  );

  app.get('/workspace/responses/new', { config: { access: 'reviewer' } }, (request, reply) =>
    showForm(reply, {
      organisation: queryText(request.query, 'org'),
      answers: queryText(request.query, 'answers'),
    }),
  );

  app.post('/workspace/responses', { config: { access: 'reviewer' } }, async (request, reply) => {
    const fields = readFormFields(request.body);
    const files = uploadedFiles(request, 'attachments');
    const organisations = await listOrganisations(db);
    const parsed = parseResponseForm(fields, {
      organisationCodes: organisations.map((organisation) => organisation.code),
      today: deps.now(),
    });
    if (!parsed.ok)
      return showForm(reply, fields, { errors: parsed.errors, filesLost: files.length > 0 });
    try {
      await recordResponse(
        deps,
        {
          ...parsed.value,
          attachments: files.map((file) => ({
            path: file.path,
            fileName: cleanFileName(file.fileName),
          })),
        },
        actorOf(request),
      );
    } catch (error) {
      if (!(error instanceof SimwatchError) || error.code === 'internal') throw error;
      const field =
        error.field === undefined ? 'attachments' : (formFieldOf[error.field] ?? error.field);
      return showForm(reply, fields, {
        errors: [fieldError(field, error.message)],
        filesLost: files.length > 0,
      });
    }
    return reply.redirect(
      doneUrl('/workspace/responses', 'response-recorded', { org: parsed.value.organisationCode }),
      303,
    );
  });
};
